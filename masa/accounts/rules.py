"""`rules` predicates over memberships: `user.has_perm("partnerships.view_partnership", p)`."""

import rules

from . import selectors


@rules.predicate
def is_partnership_member(user, partnership) -> bool:
    return partnership is not None and selectors.can_view(user, partnership)


@rules.predicate
def is_partnership_editor(user, partnership) -> bool:
    return partnership is not None and selectors.can_edit(user, partnership)


rules.add_perm("partnerships.view_partnership", is_partnership_member)
rules.add_perm("partnerships.change_partnership", is_partnership_editor)
