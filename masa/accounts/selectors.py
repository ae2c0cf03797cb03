"""Who may see what. A user sees the partnerships they are a member of, and those nested beneath them;
staff (operators) see every partnership. A commissioned reviewer is not a member in that sense: the
reviewer role opens only the practice review they are appointed to (masa.reviews.access) and the
public pages, never the partnership's registry, matrix, actions, documents or clocks."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from masa.partnerships.models import Partnership

from .models import Membership, Role, User

# Roles that keep the partnership's records (write access to the registry and the matrix).
EDITOR_ROLES = frozenset({Role.BUSINESS_MANAGER})
# Roles that see the partnership's own pages: every role but the commissioned reviewer's.
MEMBER_ROLES = frozenset(Role) - {Role.REVIEWER}


def partnerships_visible_to(user: User) -> QuerySet[Partnership]:
    if not user.is_authenticated:
        return Partnership.objects.none()
    if user.is_staff:
        return Partnership.objects.all()
    ids = set(
        Membership.objects.filter(user=user, is_active=True, role__in=MEMBER_ROLES).values_list(
            "partnership_id", flat=True
        )
    )
    # Membership of a parent (BHR) reaches its children (the three local partnerships), two levels.
    return Partnership.objects.filter(
        Q(id__in=ids) | Q(parent_id__in=ids) | Q(parent__parent_id__in=ids)
    )


def roles_in(user: User, partnership: Partnership) -> frozenset[str]:
    if not user.is_authenticated:
        return frozenset()
    chain = [partnership.pk]
    if partnership.parent_id:
        chain.append(partnership.parent_id)
    return frozenset(
        Membership.objects.filter(user=user, partnership_id__in=chain, is_active=True).values_list(
            "role", flat=True
        )
    )


def can_view(user: User, partnership: Partnership) -> bool:
    return bool(
        user.is_authenticated and (user.is_staff or roles_in(user, partnership) & MEMBER_ROLES)
    )


def can_edit(user: User, partnership: Partnership) -> bool:
    return bool(
        user.is_authenticated and (user.is_staff or roles_in(user, partnership) & EDITOR_ROLES)
    )
