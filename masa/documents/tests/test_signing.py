"""Who may sign for a safeguarding partner (masa.documents.signing): the person holding that
partner's lead role, or its delegated role with signing delegated, on the day they sign, with a
membership tied to that partner's organisation. Everything else is refused by the service, so the
pages, the API and the commands cannot get round it."""

from dataclasses import asdict
from datetime import date, timedelta

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from masa.accounts import signing
from masa.accounts.models import Role
from masa.accounts.tests.people import member_of, signed_in
from masa.core.errors import InvalidInput, NotPermitted
from masa.documents import services
from masa.documents.assembly import assemble
from masa.documents.models import Signature, VersionStatus
from masa.partnerships.models import PartnerType, RoleAssignment, RoleKind, StatutoryPartner
from masa.partnerships.tests.factories import OrganisationFactory
from masa.timeline.models import Event

from .factories import write_every_section

pytestmark = pytest.mark.django_db

LA, ICB, POLICE = PartnerType.LOCAL_AUTHORITY, PartnerType.ICB, PartnerType.POLICE


def soup(response) -> BeautifulSoup:
    assert response.status_code == 200, response.status_code
    return BeautifulSoup(response.content, "html.parser")


def _organisation(partnership, partner_type):
    return StatutoryPartner.objects.get(
        partnership=partnership, partner_type=partner_type
    ).organisation


def _role(partnership, partner_type, kind=RoleKind.LEAD_PARTNER):
    return RoleAssignment.objects.get(partnership=partnership, role=kind, partner_type=partner_type)


def _holder(partnership, username, partner_type, *, organisation="partner", **role_fields):
    """A user linked to the partner's lead role (or the role given), member tied to `organisation`
    (the partner's own by default; None for a membership without one)."""
    kind = role_fields.pop("kind", RoleKind.LEAD_PARTNER)
    if organisation == "partner":
        organisation = _organisation(partnership, partner_type)
    membership_role = Role.LEAD_PARTNER if kind == RoleKind.LEAD_PARTNER else Role.DELEGATED_PARTNER
    user = member_of(partnership, username, membership_role, organisation=organisation)
    RoleAssignment.objects.filter(pk=_role(partnership, partner_type, kind).pk).update(
        user=user, **role_fields
    )
    return user


@pytest.fixture
def ready(draft):
    write_every_section(draft)
    return draft


def _refused(version, partner_type, user, match, **kwargs):
    events = Event.objects.count()
    with pytest.raises(NotPermitted, match=match):
        services.version_sign(version=version, partner_type=partner_type, by=user, **kwargs)
    assert not Signature.objects.exists()
    assert Event.objects.count() == events


# The rule, refused in the service ----------------------------------------------------------------


def test_a_lead_partner_without_an_organisation_signs_for_nobody(ready, partnership):
    # Even linked to the ICB's lead role, a membership naming no organisation signs for no one.
    nobody = _holder(partnership, "lsp-nobody", ICB, organisation=None)
    _refused(ready, ICB, nobody, "does not say you represent")
    assert signing.authorities(user=nobody, partnership=partnership) == []
    # And a lead partner membership with no role recorded at all.
    unlinked = member_of(partnership, "lsp-unlinked", Role.LEAD_PARTNER)
    for partner_type in PartnerType.values:
        _refused(ready, partner_type, unlinked, "do not hold the lead safeguarding partner role")


def test_a_membership_for_another_organisation_is_refused(ready, partnership):
    police = _organisation(partnership, POLICE)
    wrong = _holder(partnership, "lsp-wrong", ICB, organisation=police)
    _refused(ready, ICB, wrong, "does not say you represent")


def test_a_role_recorded_for_another_organisation_is_refused(ready, partnership):
    other = OrganisationFactory(kind="icb")
    holder = _holder(partnership, "lsp-other", ICB, organisation=other, organisation_id=other.pk)
    _refused(ready, ICB, holder, "recorded for another organisation")


def test_a_role_that_ended_before_the_day_is_refused(ready, partnership):
    yesterday = timezone.localdate() - timedelta(days=1)
    former = _holder(partnership, "lsp-former", LA, end=yesterday)
    _refused(ready, LA, former, "do not hold the lead safeguarding partner role")
    # The same person could sign on a day they held it (a signature made then, entered later).
    signature = services.version_sign(
        version=ready, partner_type=LA, by=former, signed_on=yesterday
    )
    assert timezone.localtime(signature.signed_at).date() == yesterday


def test_a_role_that_starts_after_the_day_is_refused(ready, partnership):
    tomorrow = timezone.localdate() + timedelta(days=1)
    future = _holder(partnership, "lsp-future", POLICE, start=tomorrow)
    _refused(ready, POLICE, future, "do not hold the lead safeguarding partner role")


def test_a_signing_day_in_the_future_is_refused(ready, lead_partners):
    with pytest.raises(InvalidInput, match="today or in the past"):
        services.version_sign(
            version=ready,
            partner_type=LA,
            by=lead_partners[LA],
            signed_on=timezone.localdate() + timedelta(days=1),
        )
    assert not Signature.objects.exists()


def test_a_delegated_partner_signs_only_where_signing_is_delegated(ready, partnership):
    delegate = _holder(partnership, "dsp-la", LA, kind=RoleKind.DELEGATED_PARTNER)
    _refused(ready, LA, delegate, "do not hold the lead safeguarding partner role")
    RoleAssignment.objects.filter(pk=_role(partnership, LA, RoleKind.DELEGATED_PARTNER).pk).update(
        signs_documents=True
    )
    signature = services.version_sign(version=ready, partner_type=LA, by=delegate)
    assert signature.job_title == "Director of Children's Services"
    event = Event.objects.get(verb="document.signed")
    assert "as its delegated safeguarding partner" in event.message


def test_only_a_delegated_partner_can_be_recorded_as_signing_by_delegation(partnership, editor):
    from masa.partnerships import services as registry

    with pytest.raises(InvalidInput, match="Only a delegated safeguarding partner"):
        registry.role_assign(
            partnership=partnership,
            role=RoleKind.SCRUTINEER,
            job_title="Scrutineer",
            start=date(2025, 1, 1),
            signs_documents=True,
            by=editor,
        )


def test_a_signature_without_authority_is_voided_when_the_partner_signs(
    ready, partnership, lead_partners
):
    # A signature recorded before the rule, by someone holding no role for the ICB.
    nobody = member_of(partnership, "lsp-nobody", Role.LEAD_PARTNER)
    Signature.objects.create(
        version=ready, partner_type=ICB, by=nobody, by_label="Nobody", signed_at=timezone.now()
    )
    assert signing.valid_signatures(ready) == []
    services.version_sign(version=ready, partner_type=ICB, by=lead_partners[ICB])
    old = Signature.objects.get(by=nobody)
    assert old.voided_at is not None and "did not hold the role" in old.void_reason
    assert [s.by for s, _ in signing.valid_signatures(ready)] == [lead_partners[ICB]]


def test_publishing_counts_only_signatures_with_authority(
    ready, partnership, lead_partners, editor
):
    services.version_sign(version=ready, partner_type=LA, by=lead_partners[LA])
    services.version_sign(version=ready, partner_type=POLICE, by=lead_partners[POLICE])
    nobody = member_of(partnership, "lsp-nobody", Role.LEAD_PARTNER)
    Signature.objects.create(
        version=ready, partner_type=ICB, by=nobody, by_label="Nobody", signed_at=timezone.now()
    )
    today = timezone.localdate()
    with pytest.raises(InvalidInput, match="Still to sign: the integrated care board"):
        services.version_publish(version=ready, published_on=today, by=editor, today=today)
    ready.refresh_from_db()
    assert ready.status == VersionStatus.DRAFT


def test_the_health_partner_before_july_2022_is_a_clinical_commissioning_group():
    assert signing.partner_label(ICB, date(2020, 9, 30)) == "Clinical commissioning group"
    assert signing.partner_label(ICB, date(2022, 7, 1)) == "Integrated care board"
    assert signing.partner_label(LA, date(2020, 9, 30)) == "Local authority"


# The pages ---------------------------------------------------------------------------------------


def _version_url(version):
    document = version.document
    slug = document.partnership.slug
    return f"/partnerships/{slug}/documents/{document.pk}/versions/{version.number}/"


def _sign_url(version):
    return _version_url(version) + "sign/"


def test_the_sign_form_offers_only_the_partner_the_user_represents(ready, lead_partners):
    page = soup(signed_in(lead_partners[ICB]).get(_sign_url(ready)))
    choices = [i["value"] for i in page.select("input[name='partner_type']")]
    assert choices == [ICB]
    labels = [label.get_text(" ", strip=True).lower() for label in page.select("label")]
    assert any("integrated care board" in label for label in labels)
    # Posting another partner is refused with a message and changes nothing.
    response = signed_in(lead_partners[ICB]).post(_sign_url(ready), {"partner_type": LA})
    assert response.status_code == 200
    assert "govuk-error-summary" in response.content.decode()
    assert not Signature.objects.exists()


def test_the_sign_form_is_closed_to_a_lead_partner_without_an_organisation(ready, partnership):
    nobody = _holder(partnership, "lsp-nobody", ICB, organisation=None)
    assert signed_in(nobody).get(_sign_url(ready)).status_code == 403
    assert signed_in(nobody).post(_sign_url(ready), {"partner_type": ICB}).status_code == 403
    version_page = soup(signed_in(nobody).get(_version_url(ready)))
    assert version_page.select("[data-sign]") == []
    assert not Signature.objects.exists()


def test_the_sign_form_is_closed_once_their_partner_has_signed(ready, lead_partners):
    services.version_sign(version=ready, partner_type=LA, by=lead_partners[LA])
    assert signed_in(lead_partners[LA]).get(_sign_url(ready)).status_code == 403


def test_home_lists_the_drafts_awaiting_your_signature(ready, lead_partners, partnership):
    client = signed_in(lead_partners[POLICE])
    items = soup(client.get("/")).select("[data-awaiting-signature] li")
    assert len(items) == 1
    link = items[0].select_one("a")
    assert link["href"] == _sign_url(ready)
    assert "chief officer of police" in items[0].get_text(" ", strip=True).lower()
    # Once the police have signed, it is no longer waiting for them.
    services.version_sign(version=ready, partner_type=POLICE, by=lead_partners[POLICE])
    page = soup(client.get("/"))
    assert page.select("[data-awaiting-signature] li") == []
    assert page.select_one("[data-awaiting-none]") is not None
    # It still waits for the local authority's lead.
    assert len(soup(signed_in(lead_partners[LA]).get("/")).select("[data-awaiting] a")) == 1


def test_home_lists_nothing_for_a_draft_not_ready_or_a_person_without_authority(
    draft, lead_partners, partnership
):
    # The draft misses `must` items: nobody can sign it yet.
    assert soup(signed_in(lead_partners[LA]).get("/")).select("[data-awaiting]") == []
    write_every_section(draft)
    nobody = _holder(partnership, "lsp-nobody", ICB, organisation=None)
    viewer = member_of(partnership, "viewer", Role.VIEWER)
    for user in (nobody, viewer):
        assert soup(signed_in(user).get("/")).select("[data-awaiting]") == []


def test_the_public_page_shows_only_signatures_with_authority(
    ready, partnership, lead_partners, editor, client
):
    for partner_type, user in lead_partners.items():
        services.version_sign(version=ready, partner_type=partner_type, by=user)
    today = timezone.localdate()
    services.version_publish(version=ready, published_on=today, by=editor, today=today)
    ready.refresh_from_db()
    # A snapshot taken before the rule also held a signature by someone with no role.
    nobody = member_of(partnership, "lsp-nobody", Role.LEAD_PARTNER)
    forged_at = timezone.now() - timedelta(minutes=5)
    Signature.objects.filter(partner_type=ICB).update(by=nobody, signed_at=forged_at)
    content = assemble(ready, today=today)
    snapshot = dict(ready.snapshot)
    snapshot["signatories"] = [asdict(s) for s in content.signatories] + [
        {
            "partner": "Integrated care board",
            "job_title": "Nobody at all",
            "signed_at": forged_at.isoformat(),
        }
    ]
    ready.snapshot = snapshot
    ready.save()
    page = soup(client.get(f"/published/{partnership.slug}/arrangements/"))
    rows = page.select("section[aria-labelledby='document-signatories'] tbody tr")
    partners = [r.select_one("th").get_text(strip=True) for r in rows]
    assert partners == ["Local authority", "Chief officer of police"]
    assert "Nobody at all" not in page.get_text()


def test_operators_cannot_add_or_change_signatures_in_the_admin(ready, lead_partners):
    services.version_sign(version=ready, partner_type=LA, by=lead_partners[LA])
    from masa.partnerships.tests.factories import UserFactory

    operator = UserFactory(username="operator", is_staff=True, is_superuser=True)
    page = soup(
        signed_in(operator).get(f"/operators/admin/documents/documentversion/{ready.pk}/change/")
    )
    assert page.select("[name^='signatures-'][name$='partner_type']") == []
    assert page.select("[name='signatures-TOTAL_FORMS']")[0]["value"] == "1"
    assert page.select("[name^='signatures-'][name$='DELETE']") == []
