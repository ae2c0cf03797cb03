"""The steps a review page offers: each a form and the service it calls, keyed by the URL's step.
A step is offered only when the workflow table allows its move (or, for steps that record without
moving, while the review is in a status that accepts them)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from . import forms, services
from .services.practice import BEFORE_PUBLICATION, CHECKPOINT_STATUSES
from .workflow import PracticeStatus as P
from .workflow import RapidStatus as R
from .workflow import allowed


@dataclass(frozen=True)
class Step:
    label: str
    form: type[forms.ServiceForm]
    call: Callable[..., Any]  # (review, data, by) -> result
    to: str = ""  # the status it moves to, or "" for a step that records without moving
    while_in: frozenset[str] = frozenset()  # for a recording step: the statuses that accept it


RAPID: dict[str, Step] = {
    "record": Step(
        "Record facts, actions, learning and the reg 11 criteria",
        forms.ContentForm,
        lambda r, d, by: services.rapid_review_update(review=r, by=by, **d),
        while_in=frozenset({R.OPEN}),
    ),
    "decide": Step(
        "Record the decision",
        forms.DecideForm,
        lambda r, d, by: services.rapid_review_decide(review=r, by=by, **d),
        to=R.DECIDED,
    ),
    "send": Step(
        "Record the date sent to the Panel",
        forms.SendForm,
        lambda r, d, by: services.rapid_review_send(review=r, by=by, **d),
        to=R.SENT,
    ),
    "panel-response": Step(
        "Record the Panel's response",
        forms.PanelResponseForm,
        lambda r, d, by: services.rapid_review_panel_response(review=r, by=by, **d),
        to=R.PANEL_RESPONDED,
    ),
    "close": Step(
        "Close the rapid review",
        forms.ConfirmForm,
        lambda r, d, by: services.rapid_review_close(review=r, by=by),
        to=R.CLOSED,
    ),
}

PRACTICE: dict[str, Step] = {
    "terms": Step(
        "Agree the terms of reference",
        forms.TorForm,
        lambda r, d, by: services.practice_review_agree_tor(review=r, by=by, **d),
        to=P.TOR_AGREED,
    ),
    "appoint": Step(
        "Appoint a reviewer (reg 12)",
        forms.AppointForm,
        lambda r, d, by: services.reviewer_appoint(review=r, by=by, **d),
        while_in=BEFORE_PUBLICATION,
    ),
    "begin": Step(
        "Mark the review as in progress",
        forms.ConfirmForm,
        lambda r, d, by: services.practice_review_begin(review=r, by=by),
        to=P.IN_PROGRESS,
    ),
    "checkpoint": Step(
        "Record a progress and quality checkpoint (reg 14)",
        forms.CheckpointForm,
        lambda r, d, by: services.checkpoint_record(review=r, by=by, **d),
        while_in=CHECKPOINT_STATUSES,
    ),
    "report": Step(
        "Record the final report and its reg 15 checklist",
        forms.ReportForm,
        lambda r, d, by: services.practice_review_receive_report(review=r, by=by, **d),
        to=P.REPORT_RECEIVED,
        while_in=frozenset({P.REPORT_RECEIVED}),
    ),
    "publication": Step(
        "Decide what to publish (s.16F(4)-(5))",
        forms.PublicationForm,
        lambda r, d, by: services.practice_review_decide_publication(review=r, by=by, **d),
        to=P.PUBLICATION_DECIDED,
    ),
    "copies": Step(
        "Record the copies sent before publication (reg 16)",
        forms.CopiesForm,
        lambda r, d, by: services.practice_review_send_copies(review=r, by=by, **d),
        to=P.SENT_TO_SOS_PANEL,
    ),
    "publish": Step(
        "Record publication",
        forms.PublishForm,
        lambda r, d, by: services.practice_review_publish(review=r, by=by, **d),
        to=P.PUBLISHED,
    ),
    "close": Step(
        "Close the practice review",
        forms.ConfirmForm,
        lambda r, d, by: services.practice_review_close(review=r, by=by),
        to=P.CLOSED,
    ),
}

TABLES = {"rapid review": RAPID, "practice review": PRACTICE}

# What the appointed reviewer may record on their own review: that it is under way, and its
# progress and quality checkpoints (reg 14(1)). Every other step is the partnership's.
REVIEWER_STEPS = frozenset({"begin", "checkpoint"})


def offered(kind: str, status: str, *, reviewer: bool = False) -> list[tuple[str, Step]]:
    """The steps open to a review of `kind` in `status`, in workflow order; with `reviewer`, only
    those the appointed reviewer may take."""
    nexts = allowed(kind, status)
    return [
        (slug, step)
        for slug, step in TABLES[kind].items()
        if ((step.to and step.to in nexts) or status in step.while_in)
        and (not reviewer or (kind == "practice review" and slug in REVIEWER_STEPS))
    ]
