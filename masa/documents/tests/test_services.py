"""The document services against the database: each refusal changes nothing; signatures are voided
by any later change; publishing freezes."""

from datetime import date

import pytest

from masa.accounts.models import Role
from masa.accounts.tests.people import member_of
from masa.core.errors import Conflict, InvalidInput, NotPermitted, TransitionNotAllowed
from masa.documents import services
from masa.documents.assembly import content_for
from masa.documents.models import Document, DocumentVersion, Section, Signature, VersionStatus
from masa.partnerships.models import PartnerType, RoleAssignment, StatutoryPartner
from masa.partnerships.tests.factories import MembershipFactory
from masa.timeline.models import Event

from .factories import NARRATIVE, write_every_section

pytestmark = pytest.mark.django_db

LA, ICB, POLICE = PartnerType.LOCAL_AUTHORITY, PartnerType.ICB, PartnerType.POLICE
TODAY = date(2025, 9, 15)


def _sign_all(version, lead_partners):
    for partner_type, user in lead_partners.items():
        services.version_sign(version=version, partner_type=partner_type, by=user)


def _ready(version, lead_partners):
    write_every_section(version)
    _sign_all(version, lead_partners)


def _published(version, lead_partners, editor, on=date(2025, 9, 1)):
    _ready(version, lead_partners)
    return services.version_publish(version=version, published_on=on, by=editor, today=TODAY)


# Documents and versions --------------------------------------------------------------------------


def test_create_the_arrangements_with_a_first_draft(partnership, editor):
    document = services.document_create(
        partnership=partnership, kind="published_arrangements", by=editor
    )
    version = document.versions.get()
    assert (version.number, version.status, version.framework) == (1, "draft", "wt2023")
    assert version.title == f"{partnership.name}: published arrangements"
    assert Event.objects.filter(verb="document.created").count() == 1


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"kind": "minutes"}, "kind"),
        ({"kind": "yearly_report"}, "period"),
        ({"kind": "yearly_report", "period": "2024-2025"}, "period"),
        ({"kind": "yearly_report", "period": "2024-26"}, "period"),
        ({"kind": "yearly_report", "period": "\x00"}, "period"),
        ({"kind": "published_arrangements", "period": "2024-25"}, "period"),
    ],
)
def test_create_refuses_bad_input_and_writes_nothing(partnership, editor, kwargs, field):
    with pytest.raises(InvalidInput) as refused:
        services.document_create(partnership=partnership, by=editor, **kwargs)
    assert field in refused.value.field_errors
    assert not Document.objects.exists() and not Event.objects.exists()


def test_one_arrangements_series_and_one_report_per_year(partnership, editor, arrangements, report):
    with pytest.raises(Conflict):
        services.document_create(partnership=partnership, kind="published_arrangements", by=editor)
    with pytest.raises(Conflict, match="already a yearly report for 2024-25"):
        services.document_create(
            partnership=partnership, kind="yearly_report", period="2024-25", by=editor
        )
    other = services.document_create(
        partnership=partnership, kind="yearly_report", period="2025-26", by=editor
    )
    assert (other.period_start, other.period_end) == (date(2025, 4, 1), date(2026, 3, 31))


def test_a_new_version_is_refused_while_a_draft_exists(arrangements, editor):
    with pytest.raises(Conflict, match="Version 1 is still a draft"):
        services.version_create(document=arrangements, by=editor)
    assert arrangements.versions.count() == 1


def test_a_new_version_copies_the_narratives_and_follows_the_current_guidance(
    arrangements, draft, editor, lead_partners, partnership
):
    _published(draft, lead_partners, editor)
    partnership.guidance = "wt2018"
    partnership.save()
    second = services.version_create(document=arrangements, by=editor)
    assert (second.number, second.status, second.framework) == (2, "draft", "wt2018")
    assert second.title == draft.title
    assert dict(second.sections.values_list("key", "narrative")) == dict(
        draft.sections.values_list("key", "narrative")
    )
    assert not second.signatures.exists()


# Section edits and signatures --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "narrative", "field"),
    [
        ("no-such-section", "Text", "key"),
        ("partners", "bad\x00byte", "narrative"),
        ("partners", "x" * 50_001, "narrative"),
        ("partners", 42, "narrative"),
    ],
)
def test_section_update_refuses_bad_input(draft, editor, key, narrative, field):
    with pytest.raises(InvalidInput) as refused:
        services.section_update(version=draft, key=key, narrative=narrative, by=editor)
    assert field in refused.value.field_errors
    assert (
        not Section.objects.exists()
        and not Event.objects.filter(verb="document.section_updated").exists()
    )


def test_the_narrative_limit_is_inclusive(draft, editor):
    section = services.section_update(
        version=draft, key="partners", narrative="x" * 50_000, by=editor
    )
    assert len(section.narrative) == 50_000


def test_an_edit_after_signing_voids_every_signature_visibly(draft, editor, lead_partners):
    write_every_section(draft)
    services.version_sign(version=draft, partner_type=LA, by=lead_partners[LA])
    services.version_sign(version=draft, partner_type=ICB, by=lead_partners[ICB])
    services.section_update(version=draft, key="funding", narrative=NARRATIVE + " More.", by=editor)
    signatures = list(draft.signatures.all())
    assert len(signatures) == 2 and all(not s.is_valid for s in signatures)
    assert {s.void_reason for s in signatures} == {"Section “Funding” changed after signing"}
    event = Event.objects.get(verb="document.signatures_voided")
    assert "Voided 2 signatures" in event.message and "Funding" in event.message
    # Signing again is possible after voiding.
    services.version_sign(version=draft, partner_type=LA, by=lead_partners[LA])
    assert draft.signatures.filter(voided_at__isnull=True).count() == 1


def test_saving_the_same_text_is_not_an_edit(draft, editor, lead_partners):
    write_every_section(draft)
    services.version_sign(version=draft, partner_type=LA, by=lead_partners[LA])
    services.section_update(version=draft, key="funding", narrative=NARRATIVE, by=editor)
    assert draft.signatures.get().is_valid
    assert not Event.objects.filter(verb="document.section_updated").exists()


def test_changing_the_details_voids_signatures_too(draft, editor, lead_partners):
    write_every_section(draft)
    services.version_sign(version=draft, partner_type=POLICE, by=lead_partners[POLICE])
    services.version_details_update(
        version=draft, title="New title", effective_from=date(2025, 10, 1),
        change_summary="Chair changed", by=editor,
    )  # fmt: skip
    draft.refresh_from_db()
    assert (draft.title, draft.effective_from) == ("New title", date(2025, 10, 1))
    signature = draft.signatures.get()
    assert not signature.is_valid and "title, date or summary" in signature.void_reason


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"title": ""}, "title"),
        ({"title": "x" * 201}, "title"),
        ({"title": "T", "effective_from": "2025-10-01"}, "effective_from"),
        ({"title": "T", "change_summary": "\x00"}, "change_summary"),
    ],
)
def test_details_refuse_bad_input(draft, editor, kwargs, field):
    with pytest.raises(InvalidInput) as refused:
        services.version_details_update(version=draft, by=editor, **kwargs)
    assert field in refused.value.field_errors


# Signing -----------------------------------------------------------------------------------------


def test_each_lead_partner_signs_once_for_their_own_partner(draft, lead_partners):
    write_every_section(draft)
    signature = services.version_sign(version=draft, partner_type=LA, by=lead_partners[LA])
    assert signature.by == lead_partners[LA] and signature.is_valid
    assert Event.objects.filter(verb="document.signed").count() == 1
    with pytest.raises(InvalidInput, match="already signed this version"):
        services.version_sign(version=draft, partner_type=LA, by=lead_partners[LA])
    # They hold the council's lead role only: they cannot sign for the police.
    with pytest.raises(NotPermitted, match="do not hold the lead safeguarding partner role for"):
        services.version_sign(version=draft, partner_type=POLICE, by=lead_partners[LA])


def test_one_person_signs_for_one_partner_only(draft, partnership):
    write_every_section(draft)
    # Someone recorded as the ICB's lead and the police's delegated signer signs once only.
    both = member_of(
        partnership, "lsp-both", Role.LEAD_PARTNER, organisation=_organisation(partnership, ICB)
    )
    MembershipFactory(
        user=both,
        partnership=partnership,
        role=Role.DELEGATED_PARTNER,
        organisation=_organisation(partnership, POLICE),
    )
    RoleAssignment.objects.filter(
        partnership=partnership, role="lead_partner", partner_type=ICB
    ).update(user=both)
    RoleAssignment.objects.filter(
        partnership=partnership, role="delegated_partner", partner_type=POLICE
    ).update(user=both, signs_documents=True)
    services.version_sign(version=draft, partner_type=ICB, by=both)
    with pytest.raises(InvalidInput, match="already signed for the integrated care board"):
        services.version_sign(version=draft, partner_type=POLICE, by=both)


def _organisation(partnership, partner_type):
    return StatutoryPartner.objects.get(
        partnership=partnership, partner_type=partner_type
    ).organisation


@pytest.mark.parametrize("role", [Role.BUSINESS_MANAGER, Role.DELEGATED_PARTNER, Role.VIEWER])
def test_only_lead_partners_sign(draft, partnership, role):
    write_every_section(draft)
    user = member_of(partnership, "someone", role)
    with pytest.raises(NotPermitted):
        services.version_sign(version=draft, partner_type=LA, by=user)
    assert not Signature.objects.exists()


def test_an_inactive_or_other_partnerships_lead_cannot_sign(draft, partnership, outsider):
    write_every_section(draft)
    from masa.partnerships.tests.factories import MembershipFactory, UserFactory

    former = UserFactory(username="former")
    MembershipFactory(user=former, partnership=partnership, role=Role.LEAD_PARTNER, is_active=False)
    elsewhere = member_of(
        outsider.memberships.get().partnership, "lsp-elsewhere", Role.LEAD_PARTNER
    )
    for user in (former, elsewhere):
        with pytest.raises(NotPermitted):
            services.version_sign(version=draft, partner_type=LA, by=user)


def test_signing_is_refused_while_a_must_item_is_missing_with_the_list(draft, lead_partners):
    with pytest.raises(InvalidInput) as refused:
        services.version_sign(version=draft, partner_type=LA, by=lead_partners[LA])
    lines = refused.value.field_errors["__all__"]
    assert any("wt2023.published-arrangements.commissioning-reviews" in line for line in lines)
    assert all(line.startswith("Missing (must): ") for line in lines)
    assert not Signature.objects.exists()


def test_signing_refuses_an_unknown_partner(draft, lead_partners):
    write_every_section(draft)
    with pytest.raises(InvalidInput):
        services.version_sign(version=draft, partner_type="fire", by=lead_partners[LA])


# Publishing --------------------------------------------------------------------------------------


def test_publishing_needs_all_three_signatures(draft, editor, lead_partners):
    write_every_section(draft)
    services.version_sign(version=draft, partner_type=LA, by=lead_partners[LA])
    with pytest.raises(InvalidInput, match="Still to sign: the integrated care board, the chief"):
        services.version_publish(version=draft, published_on=TODAY, by=editor, today=TODAY)
    draft.refresh_from_db()
    assert draft.status == "draft" and draft.snapshot is None


@pytest.mark.parametrize("published_on", [date(2025, 9, 16), "2025-09-01", None])
def test_publishing_refuses_a_bad_date(draft, editor, lead_partners, published_on):
    _ready(draft, lead_partners)
    with pytest.raises(InvalidInput) as refused:
        services.version_publish(version=draft, published_on=published_on, by=editor, today=TODAY)
    assert "published_on" in refused.value.field_errors


def test_publishing_freezes_the_signed_content(draft, editor, lead_partners, partnership):
    published = _published(draft, lead_partners, editor)
    assert published.status == "published" and published.published_on == date(2025, 9, 1)
    content = content_for(published)
    assert content.status == "published" and content.published_on == "2025-09-01"
    assert {s.partner for s in content.signatories} == {
        "Local authority", "Integrated care board", "Chief officer of police",
    }  # fmt: skip
    # Later changes to the records do not reach the published version.
    partnership.relevant_agencies.all().delete()
    agencies = next(s for s in content_for(published).sections if s.key == "relevant-agencies")
    assert any(b.kind == "table" for b in agencies.blocks)
    assert Event.objects.filter(verb="document.published").count() == 1


def test_a_published_version_refuses_every_write(draft, editor, lead_partners):
    published = _published(draft, lead_partners, editor)
    with pytest.raises(InvalidInput, match="frozen"):
        services.section_update(version=published, key="funding", narrative="New", by=editor)
    with pytest.raises(InvalidInput, match="frozen"):
        services.version_details_update(version=published, title="New", by=editor)
    with pytest.raises(InvalidInput, match="frozen"):
        services.version_sign(version=published, partner_type=LA, by=lead_partners[LA])
    with pytest.raises(TransitionNotAllowed):
        services.version_publish(version=published, published_on=TODAY, by=editor, today=TODAY)
    assert published.signatures.filter(voided_at__isnull=True).count() == 3


def test_publishing_the_next_version_supersedes_the_last(
    arrangements, draft, editor, lead_partners
):
    _published(draft, lead_partners, editor)
    second = services.version_create(document=arrangements, by=editor)
    _ready(second, lead_partners)
    with pytest.raises(InvalidInput, match="on or after version 1's publication"):
        services.version_publish(
            version=second, published_on=date(2025, 8, 1), by=editor, today=TODAY
        )
    services.version_publish(version=second, published_on=TODAY, by=editor, today=TODAY)
    statuses = dict(DocumentVersion.objects.values_list("number", "status"))
    assert statuses == {1: VersionStatus.SUPERSEDED, 2: VersionStatus.PUBLISHED}
    assert Event.objects.filter(verb="document.superseded").count() == 1
    # A superseded version stays frozen.
    with pytest.raises(InvalidInput, match="superseded: it is frozen"):
        services.section_update(version=draft, key="funding", narrative="New", by=editor)
