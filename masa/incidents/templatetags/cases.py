"""`{% if request.user|reads_cases:partnership %}`: show links to case records only to those who may
open them (the same predicate the case views enforce); `sees_case_reads` likewise for the log of
case record reads."""

from django import template

from masa.casereads.access import can_see_reads
from masa.incidents.access import can_read_cases

register = template.Library()


@register.filter
def reads_cases(user, partnership) -> bool:
    return can_read_cases(user, partnership)


@register.filter
def sees_case_reads(user, partnership) -> bool:
    return can_see_reads(user, partnership)
