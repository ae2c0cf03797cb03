"""The staff pages on parsed HTML: who sees and changes what, only the allowed moves offered, the
statutory contents and sign-off shown, garbage posted refused with the GOV.UK error summary."""

from datetime import date

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from masa.accounts.tests.people import signed_in
from masa.documents import services
from masa.documents.models import Document, Section
from masa.partnerships.models import PartnerType
from masa.timeline.models import Event

from .factories import write_every_section

pytestmark = pytest.mark.django_db

LA = PartnerType.LOCAL_AUTHORITY


def _soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def _url(name, partnership, *args):
    return reverse(f"documents:{name}", args=[partnership.slug, *args])


def _version_url(version, name="version"):
    document = version.document
    return _url(name, document.partnership, document.pk, version.number)


def _errors(soup):
    summary = soup.select_one(".govuk-error-summary")
    return summary.get_text(" ", strip=True) if summary else ""


def _sign_all(version, lead_partners):
    for partner_type, user in lead_partners.items():
        services.version_sign(version=version, partner_type=partner_type, by=user)


def test_the_list_shows_each_document_with_its_version_status(
    member_client, partnership, draft, report
):
    soup = _soup(member_client.get(_url("list", partnership)))
    rows = soup.select("tr[data-document]")
    assert {r["data-document"] for r in rows} == {str(draft.document_id), str(report.pk)}
    assert {r.select_one("[data-status]").get_text(strip=True) for r in rows} == {"Draft"}
    assert not soup.select("[data-start]")  # a viewer starts nothing


def test_the_editor_starts_a_yearly_report(editor_client, partnership):
    soup = _soup(editor_client.get(_url("list", partnership)))
    assert {a["data-start"] for a in soup.select("[data-start]")} == {
        "arrangements",
        "yearly-report",
    }
    response = editor_client.post(
        _url("add", partnership), {"kind": "yearly_report", "period": "2024-25"}
    )
    document = Document.objects.get(partnership=partnership)
    assert response.status_code == 302
    assert response["Location"] == _url("version", partnership, document.pk, 1)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"kind": "yearly_report", "period": ""}, "Enter the year the report covers"),
        ({"kind": "yearly_report", "period": "2024-26"}, "The second year must follow the first"),
        ({"kind": "nonsense"}, "Select the published arrangements or a yearly report"),
        ({}, "Select the published arrangements or a yearly report"),
        ({"kind": "yearly_report", "period": "\x00"}, ""),
    ],
)
def test_starting_with_bad_input_shows_the_error_summary(editor_client, partnership, data, message):
    soup = _soup(editor_client.post(_url("add", partnership), data))
    assert message in _errors(soup) and _errors(soup)
    assert not Document.objects.exists()


def test_the_version_page_shows_sections_guidance_contents_and_blocking_items(editor_client, draft):
    soup = _soup(editor_client.get(_version_url(draft)))
    sections = soup.select("[data-section]")
    assert sections[0]["data-section"] == "introduction"
    reviews = soup.select_one("[data-section=reviews]")
    assert "WT2023 ch2 'Publication of arrangements' paras 103-105" in reviews.get_text()
    assert reviews.select_one("[data-guidance]")
    assert reviews.select_one("a[data-edit]")
    rows = soup.select("[data-completeness] tr[data-requirement]")
    assert len(rows) == 15
    states = {r["data-requirement"]: r["data-state"] for r in rows}
    assert states["wt2023.published-arrangements.partners"] == "present"
    assert states["wt2023.published-arrangements.commissioning-reviews"] == "missing"
    blocking = soup.select_one("[data-blocking]").get_text(" ", strip=True)
    assert "must include the arrangements for commissioning" in blocking
    assert soup.select_one("[data-preview] h2#partners")  # the rendered document
    assert not soup.select("[data-sign]") and not soup.select("[data-publish]")


def test_a_section_is_written_and_unsafe_markdown_is_neutralised(editor_client, draft):
    url = _version_url(draft).replace("/versions/1/", "/versions/1/sections/funding/")
    soup = _soup(editor_client.get(url))
    assert "no funding records" in soup.select_one("[data-guidance]").get_text()
    response = editor_client.post(
        url,
        {
            "expected_version": "0",
            "narrative": "Each partner **pays**. <script>alert(1)</script> [x](javascript:alert(1))",
        },
    )
    assert response.status_code == 302
    preview = _soup(editor_client.get(_version_url(draft))).select_one("[data-preview]")
    assert preview.select_one("strong").get_text() == "pays"
    assert not preview.select("script") and "javascript:" not in str(preview.select("a"))


@pytest.mark.parametrize("narrative", ["a\x00b", "x" * 50_001])
def test_garbage_narratives_are_refused(editor_client, draft, narrative):
    url = _version_url(draft).replace("/versions/1/", "/versions/1/sections/funding/")
    soup = _soup(editor_client.post(url, {"narrative": narrative}))
    assert _errors(soup)
    assert not Section.objects.exists()


def test_unknown_sections_and_versions_are_not_found(editor_client, draft, partnership):
    url = _version_url(draft).replace("/versions/1/", "/versions/1/sections/nope/")
    assert editor_client.get(url).status_code == 404
    assert editor_client.get(_url("version", partnership, draft.document_id, 9)).status_code == 404
    assert editor_client.get(_url("document", partnership, 999)).status_code == 404


def test_lead_partners_sign_and_voided_signatures_show_struck_through(
    editor_client, draft, lead_partners, editor
):
    write_every_section(draft)
    lead = signed_in(lead_partners[LA])
    soup = _soup(lead.get(_version_url(draft)))
    assert soup.select_one("a[data-sign]")
    assert not soup.select("[data-edit]")  # a lead partner signs; the business manager writes
    assert lead.post(_version_url(draft, "sign"), {"partner_type": LA}).status_code == 302
    soup = _soup(editor_client.get(_version_url(draft)))
    assert soup.select_one("tr[data-signature=valid]")
    services.section_update(
        version=draft, key="funding", narrative="Changed after signing", by=editor
    )
    soup = _soup(editor_client.get(_version_url(draft)))
    voided = soup.select_one("tr[data-signature=voided]")
    assert voided.select("del") and "Voided" in voided.get_text()
    assert (
        "Section “Funding” changed after signing"
        in voided.select_one("[data-void-reason]").get_text()
    )


def test_signing_refused_on_the_page_shows_why(draft, lead_partners):
    lead = signed_in(lead_partners[LA])
    soup = _soup(lead.post(_version_url(draft, "sign"), {"partner_type": LA}))
    assert "Missing (must): wt2023.published-arrangements.commissioning-reviews" in _errors(soup)
    assert not draft.signatures.exists()


def test_only_lead_partners_reach_the_sign_page(editor_client, member_client, draft):
    write_every_section(draft)
    for client in (editor_client, member_client):
        assert client.get(_version_url(draft, "sign")).status_code == 403
        assert client.post(_version_url(draft, "sign"), {"partner_type": LA}).status_code == 403
    assert not draft.signatures.exists()


def test_publishing_from_the_page_freezes_the_version(editor_client, draft, lead_partners):
    write_every_section(draft)
    _sign_all(draft, lead_partners)
    soup = _soup(editor_client.get(_version_url(draft)))
    assert soup.select_one("a[data-publish]") and not soup.select("a[data-sign]")
    today = timezone.localdate()
    response = editor_client.post(
        _version_url(draft, "publish"),
        {"published_on_0": today.day, "published_on_1": today.month, "published_on_2": today.year},
    )
    assert response.status_code == 302
    soup = _soup(editor_client.get(_version_url(draft)))
    assert soup.select_one("[data-frozen]") and soup.select_one("[data-status=published]")
    public = soup.select_one("a[data-public]")["href"]
    assert public == f"/published/{draft.document.partnership.slug}/arrangements/versions/1/"
    assert Client().get(public).status_code == 200  # no sign-in
    assert not soup.select("[data-edit]") and not soup.select("[data-publish]")
    # A frozen version offers no form, and a write posted anyway changes nothing.
    url = _version_url(draft).replace("/versions/1/", "/versions/1/sections/funding/")
    for name_url in (url, _version_url(draft, "details"), _version_url(draft, "publish")):
        assert editor_client.get(name_url).status_code == 404
    assert editor_client.post(url, {"narrative": "Sneaky edit"}).status_code == 404
    assert not Section.objects.filter(narrative="Sneaky edit").exists()
    # The next version starts from the document page.
    page = _soup(editor_client.get(_url("document", draft.document.partnership, draft.document_id)))
    assert page.select_one("a[data-new-version]")
    assert (
        editor_client.post(
            _url("version-add", draft.document.partnership, draft.document_id)
        ).status_code
        == 302
    )
    assert draft.document.versions.count() == 2
    # While that draft exists, no other new version is offered.
    assert (
        editor_client.get(
            _url("version-add", draft.document.partnership, draft.document_id)
        ).status_code
        == 404
    )


def test_publishing_with_a_bad_date_shows_the_error(editor_client, draft, lead_partners):
    write_every_section(draft)
    _sign_all(draft, lead_partners)
    soup = _soup(editor_client.post(
        _version_url(draft, "publish"),
        {"published_on_0": "31", "published_on_1": "2", "published_on_2": "2025"},
    ))  # fmt: skip
    assert "real date" in _errors(soup)
    soup = _soup(editor_client.post(
        _version_url(draft, "publish"),
        {"published_on_0": "1", "published_on_1": "1", "published_on_2": "2099"},
    ))  # fmt: skip
    assert "today or in the past" in _errors(soup)
    draft.refresh_from_db()
    assert draft.status == "draft"


def test_viewers_read_but_do_not_change(member_client, draft, partnership):
    soup = _soup(member_client.get(_version_url(draft)))
    assert not soup.select("[data-edit]")
    events = Event.objects.count()
    for url in (
        _url("add", partnership),
        _version_url(draft).replace("/versions/1/", "/versions/1/sections/funding/"),
        _version_url(draft, "details"),
        _version_url(draft, "publish"),
        _url("version-add", partnership, draft.document_id),
    ):
        assert member_client.post(url, {"narrative": "x", "title": "x"}).status_code == 403
    assert Event.objects.count() == events


def test_outsiders_are_refused_and_visitors_sent_to_sign_in(
    outsider_client, client, draft, partnership
):
    for url in (
        _url("list", partnership),
        _url("document", partnership, draft.document_id),
        _version_url(draft),
        _version_url(draft, "sign"),
    ):
        assert outsider_client.get(url).status_code == 403
        assert client.get(url).status_code == 302


def test_the_details_form_changes_the_title(editor_client, draft):
    response = editor_client.post(
        _version_url(draft, "details"),
        {"expected_version": "1", "title": "Testshire arrangements 2025", "effective_from_0": "1",
         "effective_from_1": "10", "effective_from_2": "2025", "change_summary": ""},
    )  # fmt: skip
    assert response.status_code == 302
    draft.refresh_from_db()
    assert draft.title == "Testshire arrangements 2025" and draft.effective_from == date(
        2025, 10, 1
    )


def test_the_records_menu_links_the_documents(member_client, partnership):
    soup = _soup(member_client.get(reverse("partnerships:overview", args=[partnership.slug])))
    assert soup.select_one(f'a[href="{_url("list", partnership)}"]')


def test_the_version_page_query_count_does_not_grow_with_sections_or_signatures(
    editor_client, draft, lead_partners, django_assert_max_num_queries
):
    editor_client.get(_version_url(draft))  # warm the caches
    with CaptureQueriesContext(connection) as before:
        editor_client.get(_version_url(draft))
    write_every_section(draft)
    _sign_all(draft, lead_partners)
    with django_assert_max_num_queries(len(before)):
        _soup(editor_client.get(_version_url(draft)))


def test_a_signed_version_warns_before_a_change_voids_the_signatures(
    editor_client, draft, lead_partners
):
    write_every_section(draft)
    section = _url(
        "section", draft.document.partnership, draft.document.pk, draft.number, "funding"
    )
    assert "voids every signature" not in _soup(editor_client.get(section)).get_text()
    services.version_sign(version=draft, partner_type=LA, by=lead_partners[LA])
    warning = _soup(editor_client.get(section)).select_one(".govuk-warning-text")
    assert "Saving a change voids every signature" in warning.get_text()
