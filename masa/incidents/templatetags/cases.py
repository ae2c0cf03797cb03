"""`{% if request.user|reads_cases:partnership %}`: show links to case records only to those who may
open them (the same predicate the case views enforce)."""

from django import template

from masa.incidents.access import can_read_cases

register = template.Library()


@register.filter
def reads_cases(user, partnership) -> bool:
    return can_read_cases(user, partnership)
