"""`{% if request.user|reads_cases:partnership %}`: show links to case records only to those who may
open them (the same predicate the case views enforce); `edits_cases` likewise for the pages that
change them, such as the case system's API tokens."""

from django import template

from masa.incidents.access import can_edit_cases, can_read_cases

register = template.Library()


@register.filter
def reads_cases(user, partnership) -> bool:
    return can_read_cases(user, partnership)


@register.filter
def edits_cases(user, partnership) -> bool:
    return can_edit_cases(user, partnership)
