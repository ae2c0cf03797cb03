"""Pages on parsed HTML: who sees and changes what, the filters, the overdue tag, the forms with
garbage posted, the CSV."""

import csv
import io
from datetime import date, timedelta

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import timezone

from masa.accounts.tests.people import signed_in
from masa.actions.models import Action, ActionUpdate, Recommendation, UpdateKind
from masa.actions.workflow import ActionStatus as A
from masa.timeline.models import Event

from .factories import ActionFactory, ActionUpdateFactory

pytestmark = pytest.mark.django_db


def _soup(response):
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def _url(name, partnership, *args):
    return reverse(f"actions:{name}", args=[partnership.slug, *args])


def test_members_see_the_list_with_the_overdue_tag(
    member_client, partnership, recommendation, owner
):
    late = ActionFactory(recommendation=recommendation, owner=owner,
                         due_on=timezone.localdate() - timedelta(days=3))  # fmt: skip
    ActionFactory(recommendation=recommendation, owner=owner, due_on=date(2099, 1, 1))
    soup = _soup(member_client.get(_url("list", partnership)))
    rows = soup.select("tr[data-action]")
    assert len(rows) == 2
    assert rows[0]["data-action"] == str(late.pk) and rows[0].select_one("[data-overdue]")
    assert not rows[1].select_one("[data-overdue]")
    assert "Overdue" in rows[0].get_text()  # the meaning is in words, not colour
    soup = _soup(member_client.get(_url("list", partnership), {"overdue": "yes"}))
    assert [r["data-action"] for r in soup.select("tr[data-action]")] == [str(late.pk)]


def test_the_list_paginates_at_fifty(member_client, partnership, recommendation, owner):
    Action.objects.bulk_create(
        Action(recommendation=recommendation, partnership=partnership, owner=owner, text=f"A{i}",
               due_on=date(2026, 1, 1)) for i in range(51)
    )  # fmt: skip
    soup = _soup(member_client.get(_url("list", partnership), {"status": "not_started"}))
    assert len(soup.select("tr[data-action]")) == 50
    assert "status=not_started" in soup.select_one("a[rel=next]")["href"]


def test_non_members_are_refused(outsider_client, partnership, action, client):
    for name, args in [
        ("list", ()),
        ("detail", (action.pk,)),
        ("themes", ()),
        ("recommendation", (action.recommendation_id,)),
        ("export-csv", ()),
    ]:
        assert outsider_client.get(_url(name, partnership, *args)).status_code == 403
        assert client.get(_url(name, partnership, *args)).status_code == 302  # sign in first


def test_viewers_read_but_do_not_change(member_client, partnership, action):
    soup = _soup(member_client.get(_url("detail", partnership, action.pk)))
    assert not soup.select("[data-moves]")
    assert "Add an update" not in soup.get_text()
    for name in ("status", "sign-off", "update-add"):
        assert (
            member_client.post(
                _url(name, partnership, action.pk), {"to": "in_progress"}
            ).status_code
            == 403
        )
    assert member_client.post(_url("recommendation-add", partnership), {}).status_code == 403
    assert not ActionUpdate.objects.exists() and Action.objects.get().status == A.NOT_STARTED


def test_the_detail_page_offers_only_allowed_moves(editor_client, partnership, action):
    action.status = A.IN_PROGRESS
    action.save()
    soup = _soup(editor_client.get(_url("detail", partnership, action.pk)))
    assert {a["data-to"] for a in soup.select("[data-to]")} == {"blocked", "implemented"}
    form = _soup(editor_client.get(_url("status", partnership, action.pk)))
    assert {i["value"] for i in form.select("input[name=to]")} == {"blocked", "implemented"}


def test_editor_moves_an_action_and_sees_a_refusal(editor_client, partnership, action):
    url = _url("status", partnership, action.pk)
    response = editor_client.post(url, {"to": "in_progress", "expected_version": "1"})
    assert response.status_code == 302
    soup = _soup(editor_client.post(url, {"to": "implemented", "expected_version": "2"}))
    assert "evidence of implementation" in soup.select_one(".govuk-error-summary").get_text()
    assert Action.objects.get().status == A.IN_PROGRESS


def test_agency_contact_updates_their_own_organisations_actions_only(
    agency_client, partnership, recommendation, owner, organisations
):
    mine = ActionFactory(recommendation=recommendation, owner=owner)
    theirs = ActionFactory(recommendation=recommendation, owner=organisations[1])
    soup = _soup(agency_client.get(_url("detail", partnership, mine.pk)))
    assert "Add an update or evidence" in soup.get_text() and not soup.select("[data-moves]")
    data = {"kind": "progress", "on_0": "1", "on_1": "4", "on_2": "2025", "text": "Audit begun"}
    assert agency_client.post(_url("update-add", partnership, mine.pk), data).status_code == 302
    assert agency_client.post(_url("update-add", partnership, theirs.pk), data).status_code == 403
    assert (
        agency_client.post(_url("status", partnership, mine.pk), {"to": "in_progress"}).status_code
        == 403
    )
    assert list(ActionUpdate.objects.values_list("action_id", flat=True)) == [mine.pk]


def test_editor_adds_a_recommendation_and_an_action(editor_client, partnership, owner):
    data = {"reference": "TS-R9", "source_label": "Audit (fictional)", "text": "Do better",
            "made_on_0": "1", "made_on_1": "3", "made_on_2": "2025", "themes": ["1", "2"]}  # fmt: skip
    response = editor_client.post(_url("recommendation-add", partnership), data)
    recommendation = Recommendation.objects.get(reference="TS-R9")
    assert response.status_code == 302 and recommendation.themes.count() == 2
    data = {"text": "Train staff", "owner": owner.pk, "due_on_0": "1", "due_on_1": "12",
            "due_on_2": "2025"}  # fmt: skip
    response = editor_client.post(_url("add", partnership, recommendation.pk), data)
    assert response.status_code == 302
    assert Action.objects.get().owner == owner
    soup = _soup(editor_client.get(_url("recommendation", partnership, recommendation.pk)))
    assert len(soup.select("tr[data-action]")) == 1


def test_sign_off_page_offers_only_the_partner_you_represent(
    editor_client, partnership, action, lead_partners
):
    action.status = A.IMPACT_EVIDENCED
    action.save()
    ActionUpdateFactory(action=action, kind=UpdateKind.IMPACT_EVIDENCE)
    la = signed_in(lead_partners["la"])
    soup = _soup(la.get(_url("sign-off", partnership, action.pk)))
    assert [i["value"] for i in soup.select("input[name=partner_type]")] == ["la"]
    la.post(_url("sign-off", partnership, action.pk), {"partner_type": "la"})
    assert la.get(_url("sign-off", partnership, action.pk)).status_code == 403  # signed
    soup = _soup(signed_in(lead_partners["icb"]).get(_url("sign-off", partnership, action.pk)))
    assert [i["value"] for i in soup.select("input[name=partner_type]")] == ["icb"]
    # The business manager reads the sign-offs but signs for no partner.
    soup = _soup(editor_client.get(_url("detail", partnership, action.pk)))
    assert "Local authority" in soup.select_one("[data-sign-offs]").get_text()
    assert "Sign off for your partner" not in soup.get_text()
    assert editor_client.get(_url("sign-off", partnership, action.pk)).status_code == 403


GARBAGE = ["\x00", "x" * 20_000, "-1", "abc", "2025-02-30", "<script>alert(1)</script>"]


def test_garbage_to_every_form_gives_the_error_summary(editor_client, partnership, action):
    action.status = A.IMPACT_EVIDENCED
    action.save()
    pages = [_url("recommendation-add", partnership),
             _url("recommendation-status", partnership, action.recommendation_id),
             _url("add", partnership, action.recommendation_id),
             _url("update-add", partnership, action.pk), _url("status", partnership, action.pk)]  # fmt: skip
    events = Event.objects.count()
    for page in pages:
        names = {
            e["name"] for e in _soup(editor_client.get(page)).select("form[method=post] [name]")
        }
        names.discard("csrfmiddlewaretoken")
        for value in GARBAGE:
            soup = _soup(editor_client.post(page, {name: value for name in names}))
            assert soup.select_one(".govuk-error-summary"), (page, value)
    assert Event.objects.count() == events


def test_garbage_to_the_sign_off_form_gives_the_error_summary(partnership, action, lead_partners):
    action.status = A.IMPACT_EVIDENCED
    action.save()
    client = signed_in(lead_partners["police"])
    for value in GARBAGE:
        soup = _soup(client.post(_url("sign-off", partnership, action.pk), {"partner_type": value}))
        assert soup.select_one(".govuk-error-summary"), value
    assert not action.sign_offs.exists()


def test_csv_export_follows_the_filters(member_client, partnership, recommendation, owner):
    ActionFactory(recommendation=recommendation, owner=owner, text="=HYPERLINK(1)", owner_role="",
                  due_on=timezone.localdate() - timedelta(days=1))  # fmt: skip
    ActionFactory(recommendation=recommendation, owner=owner, status=A.IMPLEMENTED)
    response = member_client.get(_url("export-csv", partnership), {"overdue": "yes"})
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    assert len(rows) == 1
    assert rows[0]["text"] == "'=HYPERLINK(1)" and rows[0]["overdue"] == "Yes"
    assert rows[0]["owner"] == owner.name
    # The words of the action list, not codes; an empty role is empty, not "None"
    assert rows[0]["status"] == "Not started" and rows[0]["owner_role"] == ""
    assert "None" not in response.content.decode()


def test_themes_page_has_a_table_with_counts_in_words(member_client, partnership, recommendation):
    recommendation.themes.add(1)
    soup = _soup(member_client.get(_url("themes", partnership)))
    row = soup.select_one("tr[data-theme]")
    assert row.select_one("[data-count]").get_text() == "1" and "No" in row.get_text()


def test_staff_see_the_national_themes_and_members_do_not(
    member_client, partnership, recommendation, client
):
    from masa.partnerships.tests.factories import UserFactory, complete_partnership

    from .factories import RecommendationFactory

    recommendation.themes.add(1)
    RecommendationFactory(partnership=complete_partnership(slug="otherville")).themes.add(1)
    soup = _soup(member_client.get(_url("themes", partnership), {"scope": "all"}))
    assert soup.select_one("[data-count]").get_text() == "1" and not soup.select("[data-scope]")
    client.force_login(UserFactory(username="operator", is_staff=True))
    soup = _soup(client.get(_url("themes", partnership), {"scope": "all"}))
    assert soup.select_one("[data-count]").get_text() == "2"
    assert soup.select_one("[data-partnerships]").get_text() == "2"


@pytest.mark.parametrize("count", [1, 12])
def test_detail_pages_run_a_bounded_number_of_queries(
    editor_client, partnership, recommendation, owner, django_assert_max_num_queries, count
):
    actions = [ActionFactory(recommendation=recommendation, owner=owner) for _ in range(count)]
    for action in actions:
        for _ in range(count):
            ActionUpdateFactory(action=action)
    with django_assert_max_num_queries(14):
        _soup(editor_client.get(_url("detail", partnership, actions[0].pk)))
    with django_assert_max_num_queries(14):
        _soup(editor_client.get(_url("recommendation", partnership, recommendation.pk)))
