"""Who may see what. A user sees the partnerships they are a member of, and those nested beneath them;
staff (operators) see every partnership. A commissioned reviewer is not a member in that sense: the
reviewer role opens only the practice review they are appointed to (masa.reviews.access) and the
public pages, never the partnership's registry, matrix, actions, documents or clocks."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from masa.partnerships.models import Partnership

from .models import Membership, Role, SignInEvent, User

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


def two_factor_required_for(user: User) -> bool:
    """Operators, and anyone holding a role that reads case records (or writes a review of one),
    sign in with a second factor when MASA_TWO_FACTOR_REQUIRED is on."""
    from masa.incidents.access import CASE_READERS

    if not user.is_authenticated:
        return False
    if user.is_staff or user.is_superuser:
        return True
    roles = CASE_READERS | {Role.REVIEWER}
    return Membership.objects.filter(user=user, is_active=True, role__in=roles).exists()


def two_factor_devices(user: User) -> dict[str, object]:
    """The user's confirmed authenticator app (or None) and how many backup codes are left."""
    from django_otp.plugins.otp_static.models import StaticToken
    from django_otp.plugins.otp_totp.models import TOTPDevice

    return {
        "authenticator": TOTPDevice.objects.filter(user=user, confirmed=True).first(),
        "backup_codes_left": StaticToken.objects.filter(
            device__user=user, device__confirmed=True
        ).count(),
    }


def has_two_factor_device(user: User) -> bool:
    from django_otp import user_has_device

    return bool(user.is_authenticated and user_has_device(user, confirmed=True))


def sign_in_events() -> QuerySet[SignInEvent]:
    return SignInEvent.objects.select_related("user")
