"""Two people changing the same registry record: the second save is refused with what the first
saved, and nothing is overwritten — for every registry form that changes an existing record."""

from datetime import date

import pytest

from masa.core.errors import StaleRecord
from masa.core.tests.edit_forms import form_in, open_form, stale_summary
from masa.partnerships import services
from masa.partnerships.models import (
    Board,
    Partnership,
    PartnershipArea,
    Priority,
    RelevantAgency,
    RoleAssignment,
    StatutoryPartner,
)
from masa.timeline.models import Event

from .test_forms import form_urls

pytestmark = pytest.mark.django_db


def _end(day: int) -> dict[str, str]:
    return {"end_0": str(day), "end_1": "3", "end_2": "2025"}


# path, model, the first person's change, the second's, (field, label shown, theirs, yours)
EDITS = [
    ("edit/", Partnership, {"website": "https://theirs.example.org"},
     {"website": "https://mine.example.org"},
     ("website", "Website", "https://theirs.example.org", "https://mine.example.org")),
    ("areas/<area>/end/", PartnershipArea, _end(30), _end(31),
     ("end", "End date", "30 March 2025", "31 March 2025")),
    ("partners/<partner>/end/", StatutoryPartner, _end(30), _end(31),
     ("end", "End date", "30 March 2025", "31 March 2025")),
    ("people/<role>/end/", RoleAssignment, _end(30), _end(31),
     ("end", "End date", "30 March 2025", "31 March 2025")),
    ("agencies/<agency>/edit/", RelevantAgency, {"contribution": "Theirs"},
     {"contribution": "Mine"}, ("contribution", "What it contributes", "Theirs", "Mine")),
    ("agencies/<agency>/end/", RelevantAgency, _end(30), _end(31),
     ("end", "End date", "30 March 2025", "31 March 2025")),
    ("boards/<board>/edit/", Board, {"meets": "Monthly"}, {"meets": "Termly"},
     ("meets", "How often it meets", "Monthly", "Termly")),
    ("priorities/<priority>/edit/", Priority, {"title": "Theirs"}, {"title": "Mine"},
     ("title", "Priority", "Theirs", "Mine")),
    ("priorities/<priority>/end/", Priority, _end(30), _end(31),
     ("end", "End date", "30 March 2025", "31 March 2025")),
]  # fmt: skip
PATHS = [
    "edit/", "areas/add/", "areas/<area>/end/", "organisations/add/", "partners/add/",
    "partners/suggested/", "partners/<partner>/end/", "people/add/", "people/<role>/end/",
    "agencies/add/", "agencies/<agency>/edit/", "agencies/<agency>/end/", "boards/add/",
    "boards/<board>/edit/", "priorities/add/", "priorities/<priority>/edit/",
    "priorities/<priority>/end/",
]  # fmt: skip


@pytest.mark.parametrize(("path", "model", "theirs", "mine", "expected"), EDITS,
                         ids=[e[0] for e in EDITS])  # fmt: skip
def test_two_people_submit_the_same_form_the_second_sees_what_changed(
    partnership, editor_client, colleague_client, path, model, theirs, mine, expected
):
    url = dict(zip(PATHS, form_urls(partnership), strict=True))[path]
    first, second = open_form(colleague_client, url), open_form(editor_client, url)
    assert first["expected_version"] == second["expected_version"] == "1"
    first.update(theirs)
    response = colleague_client.post(url, first)
    assert response.status_code == 302, form_in(response)
    saved = sorted(model.objects.values_list(), key=str)
    events = Event.objects.count()
    second.update(mine)
    response = editor_client.post(url, second)
    headline, listed = stale_summary(response)
    assert headline.startswith("Someone else changed this record since you opened it: Casey")
    _field, label, their_value, your_value = expected
    assert listed == [
        f"{label}: Casey Colleague saved “{their_value}”; you were about to save “{your_value}”"
    ]
    assert sorted(model.objects.values_list(), key=str) == saved  # nothing overwritten
    assert Event.objects.count() == events
    again = form_in(response)
    assert again["expected_version"] == "2"
    for name, value in mine.items():
        assert again[name] == value  # your entries stay, to reconcile


def test_the_form_takes_their_values_where_you_changed_nothing(
    partnership, editor_client, colleague_client
):
    url = f"/partnerships/{partnership.slug}/edit/"
    first, second = open_form(colleague_client, url), open_form(editor_client, url)
    first["summary"] = "Their summary"
    assert colleague_client.post(url, first).status_code == 302
    second["website"] = "https://mine.example.org"
    response = editor_client.post(url, second)
    _, listed = stale_summary(response)
    assert listed == [
        "Summary: Casey Colleague saved “Their summary”; you were about to save “(blank)”"
    ]
    again = form_in(response)
    assert (again["summary"], again["website"]) == ("Their summary", "https://mine.example.org")
    assert editor_client.post(url, again).status_code == 302
    partnership.refresh_from_db()
    assert (partnership.summary, partnership.website) == (
        "Their summary",
        "https://mine.example.org",
    )


def test_a_form_posted_without_its_version_is_refused_clearly(partnership, editor_client):
    url = f"/partnerships/{partnership.slug}/edit/"
    data = open_form(editor_client, url)
    del data["expected_version"]
    data["website"] = "https://mine.example.org"
    headline, _ = stale_summary(editor_client.post(url, data))
    assert "open the record again" in headline
    partnership.refresh_from_db()
    assert partnership.website != "https://mine.example.org"


# The services, record by record: two saves from one version, the second refused, nothing written.


def _twice(first, second, record):
    opened = record.version
    first(record, opened)
    before = sorted(type(record).objects.values_list(), key=str)
    with pytest.raises(StaleRecord):
        second(type(record).objects.get(pk=record.pk), opened)
    assert sorted(type(record).objects.values_list(), key=str) == before
    record.refresh_from_db()
    assert record.version == opened + 1


def test_partnership_update_twice(partnership, editor, colleague):
    _twice(
        lambda p, v: services.partnership_update(
            partnership=p, name="Theirs", by=colleague, expected_version=v
        ),
        lambda p, v: services.partnership_update(
            partnership=p, name="Mine", by=editor, expected_version=v
        ),
        partnership,
    )
    assert Partnership.objects.get(pk=partnership.pk).name == "Theirs"


def test_relevant_agency_update_twice(partnership, editor, colleague):
    def save(who, text):
        return lambda a, v: services.relevant_agency_update(
            agency=a, why_chosen=text, contribution="", by=who, expected_version=v
        )

    _twice(save(colleague, "Theirs"), save(editor, "Mine"), partnership.relevant_agencies.first())


def test_board_update_twice(partnership, editor, colleague):
    board = partnership.boards.first()

    def save(who, text):
        return lambda b, v: services.board_update(
            board=b, name=text, kind=b.kind, by=who, expected_version=v
        )

    _twice(save(colleague, "Theirs"), save(editor, "Mine"), board)


def test_priority_update_twice(partnership, editor, colleague):
    def save(who, text):
        return lambda p, v: services.priority_update(
            priority=p, title=text, by=who, expected_version=v
        )

    _twice(save(colleague, "Theirs"), save(editor, "Mine"), partnership.priorities.first())


@pytest.mark.parametrize(
    ("service", "keyword", "rows"),
    [
        (services.area_end, "area", "areas"),
        (services.statutory_partner_end, "partner", "statutory_partners"),
        (services.role_end, "assignment", "roles"),
        (services.relevant_agency_end, "agency", "relevant_agencies"),
        (services.priority_end, "priority", "priorities"),
    ],
)
def test_ending_twice(partnership, editor, colleague, service, keyword, rows):
    def end(who, day):
        return lambda row, v: service(
            **{keyword: row}, end=date(2025, 3, day), by=who, expected_version=v
        )

    row = getattr(partnership, rows).filter(end__isnull=True).first()
    _twice(end(colleague, 30), end(editor, 31), row)
    row.refresh_from_db()
    assert row.end == date(2025, 3, 30)
