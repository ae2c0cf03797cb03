"""Registry pages, parsed: who may see what, and what each page shows."""

from datetime import date

import pytest
from bs4 import BeautifulSoup
from django.test import Client
from django.utils import timezone

from masa.accounts.models import Role
from masa.partnerships import services
from masa.partnerships.models import PartnerType, RoleAssignment, RoleKind

from .factories import (
    MembershipFactory,
    PartnershipFactory,
    RelevantAgencyFactory,
    RoleAssignmentFactory,
    UserFactory,
    complete_partnership,
)

pytestmark = pytest.mark.django_db

STRUCTURE = [
    "",
    "areas/",
    "partners/",
    "people/",
    "agencies/",
    "boards/",
    "priorities/",
    "history/",
]


def soup(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def test_anonymous_visitors_are_sent_to_sign_in(client, partnership):
    for path in ["/partnerships/", "/partnerships/testshire/", "/partnerships/testshire/people/"]:
        response = client.get(path)
        assert response.status_code == 302
        assert response.url.startswith("/account/sign-in/?next=")


@pytest.mark.parametrize("path", STRUCTURE)
def test_a_member_sees_every_page_of_their_partnership(member_client, path):
    response = member_client.get(f"/partnerships/testshire/{path}")
    assert response.status_code == 200
    page = soup(response)
    assert page.select_one(".govuk-breadcrumbs")
    assert "Testshire" in page.select_one("main").get_text()


@pytest.mark.parametrize("path", STRUCTURE)
def test_a_non_member_gets_the_explanation_page(outsider_client, partnership, path):
    response = outsider_client.get(f"/partnerships/testshire/{path}")
    assert response.status_code == 403
    assert soup(response).h1.get_text(strip=True) == "You do not have access to this page"


def test_the_list_shows_only_the_users_partnerships(member_client, outsider_client):
    PartnershipFactory(name="Someone else's partnership")
    names = [
        a.get_text(strip=True)
        for a in soup(member_client.get("/partnerships/")).select("tbody th a")
    ]
    assert names == ["Testshire Safeguarding Children Partnership"]
    outsider = [
        a.get_text(strip=True)
        for a in soup(outsider_client.get("/partnerships/")).select("tbody th a")
    ]
    assert "Testshire Safeguarding Children Partnership" not in outsider


def test_a_member_of_a_parent_sees_its_children():
    parent = PartnershipFactory(name="BHR", slug="bhr-test")
    PartnershipFactory(name="Havering LSCP", slug="havering-test", parent=parent)
    user = UserFactory()
    MembershipFactory(user=user, partnership=parent)
    client = Client()
    client.force_login(user)
    names = {
        a.get_text(strip=True) for a in soup(client.get("/partnerships/")).select("tbody th a")
    }
    assert names == {"BHR", "Havering LSCP"}
    assert client.get("/partnerships/havering-test/").status_code == 200


def test_overview_shows_the_registry(member_client, partnership):
    page = soup(member_client.get("/partnerships/testshire/"))
    assert page.h1.get_text(strip=True) == "Testshire Safeguarding Children Partnership"
    summary = page.select_one(".govuk-summary-list").get_text(" ", strip=True)
    assert "Working Together 2023" in summary
    assert partnership.areas.get().local_authority.name in summary
    assert page.select_one(".govuk-inset-text")  # no findings
    links = {a["href"] for a in page.select("nav[aria-label='Partnership records'] a")}
    assert {
        "/partnerships/testshire/people/",
        "/partnerships/testshire/compliance/",
        "/statute/",
        "/partnerships/testshire/history/",
    } <= links
    people = page.get_text(" ", strip=True)
    assert "Independent Scrutineer" in people and "Chief Constable" in people


def test_overview_lists_findings_with_tags_and_fix_links(member_client, editor_client, partnership):
    RoleAssignment.objects.filter(partnership=partnership, role=RoleKind.SCRUTINEER).delete()
    RoleAssignment.objects.filter(partnership=partnership, role=RoleKind.BUSINESS_MANAGER).delete()
    page = soup(editor_client.get("/partnerships/testshire/"))
    items = page.select(".govuk-task-list__item")
    assert [i["data-code"] for i in items] == ["scrutineer_missing", "business_manager_missing"]
    assert "govuk-tag--red" in items[0].select_one(".govuk-tag")["class"]
    assert items[0].select_one("a")["href"] == "/partnerships/testshire/people/add/?role=scrutineer"
    # a member who may not change the records reads the same findings, without the fix links
    items = soup(member_client.get("/partnerships/testshire/")).select(".govuk-task-list__item")
    assert [i["data-code"] for i in items] == ["scrutineer_missing", "business_manager_missing"]
    assert not [i.select_one("a") for i in items if i.select_one("a")]


def test_add_links_show_only_to_editors(member_client, editor_client):
    for path in ["people/", "agencies/", "areas/", "priorities/"]:
        viewer_links = [
            a["href"]
            for a in soup(member_client.get(f"/partnerships/testshire/{path}")).select("main a")
            if a["href"].endswith(("/add/", "/edit/", "/end/"))
        ]
        assert viewer_links == [], path
    editor_links = [
        a["href"]
        for a in soup(editor_client.get("/partnerships/testshire/people/")).select("main a")
    ]
    assert "/partnerships/testshire/people/add/" in editor_links


def test_people_page_keeps_rotation_history_current_first(editor, editor_client, partnership):
    delegates = RoleAssignment.objects.filter(
        partnership=partnership, role=RoleKind.DELEGATED_PARTNER
    )
    police = delegates.get(partner_type=PartnerType.POLICE)
    services.role_assign(
        partnership=partnership,
        role=RoleKind.CHAIR,
        job_title="",
        held_by_delegate=police,
        start=timezone.localdate(),
        by=editor,
    )

    page = soup(editor_client.get("/partnerships/testshire/people/"))
    rows = page.select("table[data-role='chair'] tbody tr")
    assert len(rows) == 2
    assert "Head of Public Protection" in rows[0].get_text()
    assert "Current" in rows[0].get_text()
    assert "Director of Children's Services" in rows[1].get_text()
    assert "Ended" in rows[1].get_text()


def test_agencies_page_shows_the_schedule_paragraph(member_client):
    page = soup(member_client.get("/partnerships/testshire/agencies/"))
    cells = [row.select("td")[0].get_text(" ", strip=True) for row in page.select("tbody tr")]
    assert any(cell.startswith("4") for cell in cells)
    assert any(cell.startswith("36") for cell in cells)
    text = page.get_text(" ", strip=True)
    assert "Maintained schools see every child" in text


def test_history_lists_the_partnerships_events(editor, member_client, partnership):
    services.priority_create(
        partnership=partnership, title="Neglect", start=date(2025, 4, 1), by=editor
    )
    page = soup(member_client.get("/partnerships/testshire/history/"))
    assert "Agreed the priority “Neglect”" in page.select_one("[data-events]").get_text()


def test_overview_query_count_does_not_grow(
    member_client, partnership, django_assert_max_num_queries
):
    with django_assert_max_num_queries(30) as small:
        member_client.get("/partnerships/testshire/")
    for _ in range(15):
        RelevantAgencyFactory(partnership=partnership)
        RoleAssignmentFactory(partnership=partnership, role=RoleKind.EDUCATION_REPRESENTATIVE)
        services.priority_create(
            partnership=partnership, title=f"P{_}", start=date(2024, 4, 1), by=None
        )
    with django_assert_max_num_queries(len(small.captured_queries)):
        member_client.get("/partnerships/testshire/")


@pytest.mark.parametrize(
    "path", ["people/", "agencies/", "partners/", "areas/", "boards/", "priorities/", "history/"]
)
def test_structure_page_query_counts_do_not_grow(
    member_client, partnership, path, django_assert_max_num_queries
):
    services.board_create(partnership=partnership, name="First", kind="subgroup", by=None)
    with django_assert_max_num_queries(30) as small:
        member_client.get(f"/partnerships/testshire/{path}")
    for n in range(10):
        RelevantAgencyFactory(partnership=partnership)
        RoleAssignmentFactory(
            partnership=partnership,
            role=RoleKind.SCRUTINEER,
            start=date(2000 + n, 1, 1),
            end=date(2000 + n, 12, 31),
        )
        services.board_create(partnership=partnership, name=f"Group {n}", kind="subgroup", by=None)
    with django_assert_max_num_queries(len(small.captured_queries)):
        member_client.get(f"/partnerships/testshire/{path}")


def test_staff_see_every_partnership():
    complete_partnership(slug="one")
    PartnershipFactory(slug="two")
    staff = UserFactory(is_staff=True)
    client = Client()
    client.force_login(staff)
    page = soup(client.get("/partnerships/"))
    assert len(page.select("tbody tr")) == 2
    assert page.select_one("a[href='/partnerships/add/']")
    assert client.get("/partnerships/two/").status_code == 200


def test_members_without_a_role_elsewhere_get_404_for_unknown_slugs(member_client):
    assert member_client.get("/partnerships/no-such-partnership/").status_code == 404


def test_viewer_membership_role(member):
    assert member.memberships.get().role == Role.VIEWER
