"""The rapid review submission pack as a Word document (WT2023 ch5: the rapid review goes to the
Panel). Children appear only by pseudonymous reference."""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import date

from docx import Document
from docx.document import Document as DocumentType

from masa.core.clocks.engine import long_date
from masa.core.presentation import status_label
from masa.incidents.clocks import IncidentClock, incident_clocks

from .clocks import ReviewClock, rapid_clocks
from .models import RapidReview

NOT_RECORDED = "Not recorded"


def _date(value: date | None) -> str:
    return long_date(value) if value else NOT_RECORDED


def _table(doc: DocumentType, header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    table = doc.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
        for run in cell.paragraphs[0].runs:
            run.bold = True
    for row in rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text


def _text(doc: DocumentType, heading: str, body: str) -> None:
    doc.add_heading(heading, level=2)
    for paragraph in (body or NOT_RECORDED).splitlines() or [NOT_RECORDED]:
        doc.add_paragraph(paragraph)


def rapid_review_pack(review: RapidReview, *, today: date) -> bytes:
    incident = review.incident
    partnership = review.partnership
    doc = Document()
    doc.core_properties.title = f"Rapid review {incident.reference}"
    doc.add_heading(f"Rapid review: {incident.reference}", level=0)
    doc.add_paragraph(f"{partnership.name}. Prepared {long_date(today)}.")

    doc.add_heading("Notification", level=1)
    notified = [
        ("Incident date", _date(incident.incident_date)),
        ("Local authority became aware", _date(incident.became_aware_on)),
        ("Notified to the Panel", _date(incident.panel_notified_on)),
        ("Told the safeguarding partners", _date(incident.partners_notified_on)),
        ("Told the Secretary of State and Ofsted", _date(incident.sos_ofsted_notified_on)),
        ("Children", ", ".join(c.pseudonymous_ref for c in incident.children.all())),
    ]
    _table(doc, ["Item", "Detail"], notified)

    doc.add_heading("Clocks", level=1)
    clocks: list[IncidentClock | ReviewClock] = [
        *incident_clocks(incident, guidance=partnership.guidance, today=today),
        *rapid_clocks(review, guidance=partnership.guidance, today=today),
    ]
    _table(
        doc,
        ["Clock", "Due", "Status", "Explanation"],
        [
            (
                clock.what
                + (f" ({clock.due.basis_label})" if clock.due and clock.due.basis_label else ""),
                _date(clock.due.due) if clock.due else "No timescale in the guidance",
                status_label(str(clock.status)),
                clock.due.explanation if clock.due else "",
            )
            for clock in clocks
        ],
    )

    doc.add_heading("The rapid review", level=1)
    _text(doc, "Facts", review.facts)
    _text(doc, "Immediate safety actions", review.immediate_safety_actions)
    _text(doc, "Learning identified", review.learning_identified)

    doc.add_heading("Criteria for a local review (SI 2018/789 reg 11)", level=1)
    _table(
        doc,
        ["Criterion", "Consideration", "Answer", "Note"],
        [(f"({letter})", text, answer, note) for letter, text, answer, note in review.criteria()],
    )

    doc.add_heading("Decision", level=1)
    _table(
        doc,
        ["Item", "Detail"],
        [
            ("Decision", review.get_decision_display() or NOT_RECORDED),
            ("Decided on", _date(review.decided_on)),
            ("Rationale", review.decision_rationale or NOT_RECORDED),
        ],
    )

    doc.add_heading("The Panel", level=1)
    _table(
        doc,
        ["Item", "Detail"],
        [
            ("Sent to the Panel", _date(review.sent_to_panel_on)),
            ("Panel's response received", _date(review.panel_response_on)),
            ("Panel's response", review.panel_response or NOT_RECORDED),
        ],
    )
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
