"""Operators' admin for reviews. Its list and change pages are logged as reads of case records."""

from typing import Any

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from masa.casereads.admin import CaseReadAdmin

from .models import (
    PracticeReview,
    RapidReview,
    ReviewCheckpoint,
    ReviewerAppointment,
    ReviewSettings,
)


@admin.register(RapidReview)
class RapidReviewAdmin(CaseReadAdmin, SimpleHistoryAdmin):
    list_select_related = ("partnership", "incident")
    case_record_type = "rapid review"


@admin.register(PracticeReview)
class PracticeReviewAdmin(CaseReadAdmin, SimpleHistoryAdmin):
    list_select_related = ("partnership",)
    case_record_type = "practice review"


class _OfPracticeReview(CaseReadAdmin, SimpleHistoryAdmin):
    list_select_related = ("review__partnership",)

    def partnership_of(self, record: Any) -> Any:
        return record.review.partnership


@admin.register(ReviewerAppointment)
class ReviewerAppointmentAdmin(_OfPracticeReview):
    case_record_type = "reviewer appointment"


@admin.register(ReviewCheckpoint)
class ReviewCheckpointAdmin(_OfPracticeReview):
    case_record_type = "review checkpoint"


admin.site.register(ReviewSettings, SimpleHistoryAdmin)
