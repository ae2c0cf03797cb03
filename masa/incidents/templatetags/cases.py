"""`{% if request.user|reads_cases:partnership %}`: show links to case records only to those who may
open them (the same predicate the case views enforce); `sees_case_reads` likewise for the log of
case record reads, and `edits_cases` for the pages that change them, such as the case system's API
tokens."""

from typing import Any

from django import template
from django.contrib.contenttypes.models import ContentType

from masa.casereads.access import can_see_reads
from masa.incidents.access import can_edit_cases, can_read_cases

register = template.Library()


@register.filter
def reads_cases(user, partnership) -> bool:
    return can_read_cases(user, partnership)


@register.filter
def sees_case_reads(user, partnership) -> bool:
    return can_see_reads(user, partnership)


CASE_APPS = frozenset({"incidents", "reviews"})
CASE_SOURCE = (
    "A practice or rapid review (its reference is shown only to the partnership's case roles)"
)


@register.filter
def source_label_for(recommendation: Any, reads_cases: bool) -> str:
    """`{{ r|source_label_for:reads }}`: where a recommendation came from; a review's reference and
    title name a case, so only case readers see them."""
    if reads_cases or not recommendation.source_type_id:
        return recommendation.source_label
    source_type = ContentType.objects.get_for_id(recommendation.source_type_id)
    return CASE_SOURCE if source_type.app_label in CASE_APPS else recommendation.source_label


@register.filter
def edits_cases(user, partnership) -> bool:
    return can_edit_cases(user, partnership)
