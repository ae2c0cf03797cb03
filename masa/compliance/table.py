"""The matrix page's table rows, rendered in Python.

A matrix holds a row per requirement (several hundred with a large library). Rendering each row
through the template language cost about a quarter of a millisecond, most of the page's time
(bench/compliance_matrix.py), so the rows are built here from the same GOV.UK classes and the one
status→tag mapping (`masa.core.presentation`); the page template keeps headings and layout.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from masa.core.presentation import status_label, status_tag_class

from .selectors import Matrix, MatrixRow


@dataclass(frozen=True)
class TopicTable:
    topic: str
    label: str
    count: int
    rows_html: SafeString  # the <tr> elements of the table body


@functools.lru_cache(maxsize=32)
def _tag(word: str) -> str:
    return (
        f'<strong class="govuk-tag {status_tag_class(word)}">{escape(status_label(word))}</strong>'
    )


def row_html(row: MatrixRow, href: str) -> str:
    requirement = row.requirement
    source = f'<br><span class="govuk-body-s" data-source>{row.source}</span>' if row.source else ""
    reasons = "<br>".join(escape(reason) for reason in row.reasons)
    return (
        f'<tr class="govuk-table__row" data-requirement="{escape(requirement.pk)}" '
        f'data-status="{row.status}">'
        f'<td class="govuk-table__cell"><a class="govuk-link" href="{escape(href)}">'
        f"{escape(requirement.summary)}</a><br>"
        f'<span class="masa-citation">{escape(requirement.citation)}</span></td>'
        f'<td class="govuk-table__cell">{_tag(requirement.level)}</td>'
        f'<td class="govuk-table__cell">{_tag(row.status)}{source}</td>'
        f'<td class="govuk-table__cell govuk-body-s">{reasons}</td>'
        "</tr>"
    )


def topic_tables(matrix: Matrix, *, row_base: str, row_query: str) -> list[TopicTable]:
    """One table per topic; each row links to `row_base` + requirement id + "/" + `row_query`."""
    return [
        TopicTable(
            topic,
            label,
            len(rows),
            mark_safe(  # every value in the rows is escaped
                "\n".join(
                    row_html(row, f"{row_base}{row.requirement.pk}/{row_query}") for row in rows
                )
            ),
        )
        for topic, label, rows in matrix.groups()
    ]
