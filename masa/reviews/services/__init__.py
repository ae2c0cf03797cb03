"""Writes for reviews: rapid reviews in `rapid`, practice reviews in `practice`."""

from .practice import (
    checkpoint_record,
    practice_review_agree_tor,
    practice_review_begin,
    practice_review_close,
    practice_review_decide_publication,
    practice_review_initiate,
    practice_review_publish,
    practice_review_receive_report,
    practice_review_send_copies,
    reviewer_appoint,
    reviewer_remove,
)
from .rapid import (
    rapid_review_close,
    rapid_review_decide,
    rapid_review_panel_response,
    rapid_review_send,
    rapid_review_start,
    rapid_review_update,
    review_settings_update,
)
from .reports import report_upload

__all__ = [
    "checkpoint_record",
    "practice_review_agree_tor",
    "practice_review_begin",
    "practice_review_close",
    "practice_review_decide_publication",
    "practice_review_initiate",
    "practice_review_publish",
    "practice_review_receive_report",
    "practice_review_send_copies",
    "rapid_review_close",
    "rapid_review_decide",
    "rapid_review_panel_response",
    "rapid_review_send",
    "rapid_review_start",
    "rapid_review_update",
    "report_upload",
    "review_settings_update",
    "reviewer_appoint",
    "reviewer_remove",
]
