"""Recording a copy sent to a national body, the ready-to-send message, and the dispatch pages."""

from datetime import date

import pytest
from bs4 import BeautifulSoup

from masa.core.errors import Conflict, InvalidInput
from masa.documents.content import DocumentContent
from masa.documents.dispatch import (
    dispatch_message,
    dispatch_record,
    library_addresses,
    public_path,
)
from masa.documents.models import Dispatch, PublicationSettings, Recipient, VersionStatus
from masa.timeline.models import Event

from .factories import DocumentFactory, DocumentVersionFactory, YearlyReportFactory

pytestmark = pytest.mark.django_db

PUBLISHED = date(2025, 9, 26)  # a Friday: the copies are due Friday 3 October 2025


def published(document, on, *, number=1):
    """A published version written directly (the services' sign-off is tested elsewhere)."""
    version = DocumentVersionFactory(document=document, number=number)
    version.status, version.published_on = VersionStatus.PUBLISHED, on
    version.snapshot = DocumentContent(
        partnership=document.partnership.name,
        kind=document.kind,
        title=version.title,
        framework=version.framework,
        version=number,
        status=VersionStatus.PUBLISHED,
        period=document.period,
        published_on=on.isoformat(),
    ).as_json()
    version.save()
    return version


def sent(version, recipient, on, *, by):
    return dispatch_record(
        version=version, recipient=recipient, sent_on=on, sent_to="", note="", by=by, today=on
    )


@pytest.fixture
def version(partnership):
    return published(YearlyReportFactory(partnership=partnership, period="2024-25"), PUBLISHED)


def record(version, by, **changes):
    fields = {
        "recipient": "panel",
        "sent_on": date(2025, 9, 30),
        "sent_to": "nationalreviewpanel@education.gov.uk",
        "note": "Sent from the business unit mailbox",
        "today": date(2025, 10, 1),
    }
    fields.update(changes)
    return dispatch_record(version=version, by=by, **fields)


# --- the service -----------------------------------------------------------------------------------


def test_recording_a_dispatch(version, editor):
    dispatch = record(version, editor)
    assert dispatch.rule == "wt2023.yearly-report-dispatch"
    assert dispatch.by == editor and dispatch.sent_on == date(2025, 9, 30)
    event = Event.objects.get(verb="document.dispatched")
    assert event.message == (
        "Recorded Yearly report 2024-25, version 1 as sent to the Child Safeguarding Practice "
        "Review Panel on Tue 30 Sep 2025 (due Fri 3 Oct 2025, on time)"
    )
    assert event.partnership == version.partnership
    late = record(version, editor, recipient="foundations", sent_on=date(2025, 10, 6),
                  today=date(2025, 10, 6))  # fmt: skip
    assert late.recipient == Recipient.FOUNDATIONS
    assert "3 days late" in Event.objects.get(message__contains="Foundations").message


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"recipient": "dfe"}, "recipient", "is not owed to the Department for Education"),
        ({"recipient": "yjb"}, "recipient", "is not owed to the Youth Justice Board"),
        ({"recipient": "<script>"}, "recipient", "Choose who it was sent to"),
        ({"recipient": None}, "recipient", "Choose who it was sent to"),
        ({"sent_on": date(2025, 9, 25)}, "sent_on", "on or after its publication, Fri 26 Sep"),
        ({"sent_on": date(2025, 10, 2)}, "sent_on", "must be today or in the past"),
        ({"sent_on": "30/09/2025"}, "sent_on", "Enter the date it was sent"),
        ({"sent_on": None}, "sent_on", "Enter the date it was sent"),
        ({"sent_to": "x" * 201}, "sent_to", "200 characters or fewer"),
        ({"sent_to": "panel\x00@example.org"}, "sent_to", "must not contain control characters"),
        ({"note": "n" * 5001}, "note", "5000 characters or fewer"),
    ],
)
def test_bad_input_is_refused_and_nothing_is_written(version, editor, changes, field, message):
    with pytest.raises(InvalidInput) as refused:
        record(version, editor, **changes)
    assert message in refused.value.field_errors[field][0]
    assert not Dispatch.objects.exists()
    assert not Event.objects.filter(verb="document.dispatched").exists()


def test_a_draft_is_never_sent(partnership, editor):
    draft = DocumentVersionFactory(document=YearlyReportFactory(partnership=partnership))
    with pytest.raises(InvalidInput, match="is a draft"):
        record(draft, editor)
    with pytest.raises(InvalidInput, match="Choose a published version"):
        record(None, editor)
    assert not Dispatch.objects.exists()


def test_one_dispatch_per_recipient(version, editor):
    record(version, editor)
    with pytest.raises(Conflict, match="already recorded, on Tue 30 Sep 2025"):
        record(version, editor, sent_on=date(2025, 10, 1))
    assert Dispatch.objects.count() == 1


def test_restraint_findings_owed_with_a_secure_establishment(version, editor):
    with pytest.raises(InvalidInput):
        record(version, editor, recipient="hmip")
    PublicationSettings.objects.create(
        partnership=version.partnership, secure_establishments="Hillside Secure Children's Home"
    )
    dispatch = record(version, editor, recipient="hmip", sent_to="")
    assert dispatch.rule == "wt2023.restraint-findings-dispatch"


def test_arrangements_updates_go_to_the_dfe(partnership, editor):
    version = published(DocumentFactory(partnership=partnership), date(2025, 1, 6))
    dispatch = record(version, editor, recipient="dfe", sent_on=date(2025, 1, 8))
    assert dispatch.rule == "wt2023.arrangements-dfe-dispatch"
    with pytest.raises(InvalidInput, match="not owed to the Child Safeguarding"):
        record(version, editor, recipient="panel", sent_on=date(2025, 1, 8))


# --- the message -----------------------------------------------------------------------------------


def test_addresses_come_from_the_statute_library():
    addresses = library_addresses()
    assert addresses["panel"] == "nationalreviewpanel@education.gov.uk"
    assert addresses["foundations"] == "policy@foundations.org.uk"
    assert addresses["dfe"] == "safeguarding.reform@education.gov.uk"
    # The library holds no address for these: the user fills it in.
    assert addresses["yjb"] == addresses["ycs"] == addresses["hmip"] == ""


def test_the_panel_message(version):
    to, subject, body = dispatch_message(version, "panel", base_url="https://masa.example.org/")
    assert to == "nationalreviewpanel@education.gov.uk"
    assert subject == "Testshire Safeguarding Children Partnership: yearly report for 2024-25"
    assert "We published our yearly report for 2024-25 (1 April 2024 to 31 March 2025) on " in body
    assert "Fri 26 Sep 2025" in body
    assert "Working Together to Safeguard Children 2023 asks (WT2023 ch2 'Reporting')" in body
    assert "https://masa.example.org/published/testshire/yearly-report/2024-25/" in body
    assert public_path(version) == "/published/testshire/yearly-report/2024-25/"


def test_the_dfe_message_says_what_changed(partnership):
    version = published(DocumentFactory(partnership=partnership), date(2025, 1, 6))
    version.effective_from = date(2025, 2, 1)
    version.change_summary = "The ICB's lead safeguarding partner changed."
    version.save()
    to, subject, body = dispatch_message(version, Recipient.DFE)
    assert to == "safeguarding.reform@education.gov.uk"
    assert subject.endswith("published safeguarding arrangements")
    assert "They take effect from Sat 1 Feb 2025." in body
    assert "What has changed: The ICB's lead safeguarding partner changed." in body
    assert "/published/testshire/arrangements/" in body


def test_the_restraint_message_names_the_establishment(version):
    PublicationSettings.objects.create(
        partnership=version.partnership, secure_establishments="Hillside Secure Children's Home"
    )
    to, subject, body = dispatch_message(version, "yjb")
    assert to == ""
    assert subject.endswith("findings of the review of restraint, 2024-25")
    assert "restraint in Hillside Secure Children's Home" in body


# --- the pages -------------------------------------------------------------------------------------


def url(partnership, *parts):
    return "/".join([f"/partnerships/{partnership.slug}/documents/dispatch", *map(str, parts), ""])


def soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def test_the_index_lists_the_deadlines_and_the_copies(version, editor, member_client):
    sent(version, "panel", date(2025, 9, 30), by=editor)
    page = soup(member_client.get(url(version.partnership)))
    rows = page.select("[data-clock='wt2023.yearly-report-publication']")
    assert rows and "Yearly report 2024-25: published by the end of September" in rows[0].text
    copies = {li["data-recipient"]: li.text for li in page.select("li[data-recipient]")}
    assert set(copies) == {"panel", "foundations"}
    assert "Met" in copies["panel"] or "met" in copies["panel"].lower()


def test_the_index_with_no_documents(partnership, member_client):
    page = soup(member_client.get(url(partnership)))
    assert page.select_one("[data-empty]")


def test_the_version_page_lists_what_it_owes(version, editor, member_client):
    sent(version, "panel", date(2025, 9, 30), by=editor)
    page = soup(member_client.get(url(version.partnership, version.pk)))
    rows = {tr["data-recipient"]: tr for tr in page.select("tr[data-recipient]")}
    assert set(rows) == {"panel", "foundations"}
    assert "30 Sep 2025" in rows["panel"].text
    assert "Not yet" in rows["foundations"].text
    link = rows["foundations"].select_one("a")["href"]
    assert link == url(version.partnership, version.pk, "foundations")


def test_the_send_page_shows_the_message_and_records_it(version, editor_client):
    address = url(version.partnership, version.pk, "foundations")
    page = soup(editor_client.get(address))
    assert page.select_one("[data-to]").text.strip() == "policy@foundations.org.uk"
    assert (
        "http://testserver/published/testshire/yearly-report/2024-25/"
        in page.select_one("[data-body]").text
    )
    assert page.select_one("input[name=sent_to]")["value"] == "policy@foundations.org.uk"
    response = editor_client.post(
        address,
        {
            "sent_on_0": "1",
            "sent_on_1": "10",
            "sent_on_2": "2025",
            "sent_to": "policy@foundations.org.uk",
        },
    )
    assert response.status_code == 302
    dispatch = Dispatch.objects.get()
    assert (dispatch.recipient, dispatch.sent_on) == ("foundations", date(2025, 10, 1))
    page = soup(editor_client.get(address))
    assert page.select_one("[data-sent]") and not page.select_one(
        "form[method=post] input[name=sent_on_0]"
    )


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({}, "Enter the date it was sent"),
        ({"sent_on_0": "31", "sent_on_1": "2", "sent_on_2": "2025"}, "must be a real date"),
        ({"sent_on_0": "1", "sent_on_1": "1", "sent_on_2": "2025"}, "on or after its publication"),
        ({"sent_on_0": "1", "sent_on_1": "1", "sent_on_2": "2099"}, "today or in the past"),
        ({"sent_on_0": "1", "sent_on_1": "10", "sent_on_2": "2025", "sent_to": "x" * 300},
         "200 characters or fewer"),
    ],
)  # fmt: skip
def test_the_send_form_refuses_bad_input(version, editor_client, data, error):
    response = editor_client.post(url(version.partnership, version.pk, "panel"), data)
    page = soup(response)
    assert error in page.select_one(".govuk-error-summary").text
    assert not Dispatch.objects.exists()


def test_a_viewer_reads_but_cannot_record(version, member_client):
    address = url(version.partnership, version.pk, "panel")
    page = soup(member_client.get(address))
    assert page.select_one("[data-body]") and not page.select_one("input[name=sent_on_0]")
    data = {"sent_on_0": "1", "sent_on_1": "10", "sent_on_2": "2025"}
    assert member_client.post(address, data).status_code == 403
    assert not Dispatch.objects.exists()


def test_outsiders_and_unknown_addresses(version, partnership, outsider_client, editor_client):
    assert outsider_client.get(url(partnership)).status_code == 403
    assert outsider_client.get(url(partnership, version.pk, "panel")).status_code == 403
    draft = DocumentVersionFactory(
        document=YearlyReportFactory(partnership=partnership, period="2025-26")
    )
    assert editor_client.get(url(partnership, draft.pk)).status_code == 404
    assert editor_client.get(url(partnership, 999999)).status_code == 404
    assert editor_client.get(url(partnership, version.pk, "dfe")).status_code == 404
    assert editor_client.get(url(partnership, version.pk, "nobody")).status_code == 404


def test_masas_own_default_periods_are_labelled_not_statutory(partnership, member_client):
    # WT2023 ch2 gives no period for sending updated arrangements to the DfE: 7 days is MASA's
    version = published(DocumentFactory(partnership=partnership), date(2025, 1, 6))
    page = soup(member_client.get(url(partnership, version.pk)))
    rows = {tr["data-recipient"]: tr for tr in page.select("tr[data-recipient]")}
    tag = rows["dfe"].select_one('[data-basis="masa_default"]')
    assert tag is not None and tag.text == "MASA default, not statutory"
    index = soup(member_client.get(url(partnership)))
    assert index.select_one('li[data-recipient="dfe"] [data-basis="masa_default"]')
