"""factory_boy factories for documents. They write rows directly (no timeline events, no checks);
tests of behaviour call the services.

    version = DocumentVersionFactory(document__partnership=p)          # draft arrangements, v1
    report = YearlyReportFactory(partnership=p, period="2024-25")
    write_every_section(version)                                        # 40+ words in each section
"""

from __future__ import annotations

import factory
from django.db.models import Max
from django.utils import timezone
from factory.django import DjangoModelFactory

from masa.documents.models import (
    Document,
    DocumentKind,
    DocumentVersion,
    Section,
    Signature,
    financial_year,
)
from masa.documents.outline import sections_for
from masa.partnerships.models import PartnerType
from masa.partnerships.tests.factories import PartnershipFactory

# 45 words: enough for a section to count as present (completeness.WORDS_FOR_PRESENT).
NARRATIVE = (
    "The three safeguarding partners meet every month as the executive group and agree the "
    "partnership's priorities, review the data on help given to children and families, and "
    "commission the work of the subgroups, which report to them with evidence of what has "
    "changed for children as a result."
)


class DocumentFactory(DjangoModelFactory):
    """The published arrangements series of a partnership."""

    class Meta:
        model = Document

    partnership = factory.SubFactory(PartnershipFactory)
    kind = DocumentKind.ARRANGEMENTS


class YearlyReportFactory(DocumentFactory):
    """Pass `period="2024-25"` (the default)."""

    class Meta:
        model = Document
        exclude = ("period",)

    kind = DocumentKind.YEARLY_REPORT
    period = "2024-25"
    period_start = factory.LazyAttribute(lambda o: financial_year(o.period)[0])
    period_end = factory.LazyAttribute(lambda o: financial_year(o.period)[1])


class DocumentVersionFactory(DjangoModelFactory):
    class Meta:
        model = DocumentVersion

    document = factory.SubFactory(DocumentFactory)
    # The document's next number, so a document's first version is always version 1.
    number = factory.LazyAttribute(
        lambda o: (o.document.versions.aggregate(top=Max("number"))["top"] or 0) + 1
    )
    framework = factory.LazyAttribute(lambda o: o.document.partnership.guidance)
    title = factory.LazyAttribute(lambda o: f"{o.document.partnership.name}: {o.document}")


class SectionFactory(DjangoModelFactory):
    class Meta:
        model = Section

    version = factory.SubFactory(DocumentVersionFactory)
    key = "introduction"
    narrative = NARRATIVE


class SignatureFactory(DjangoModelFactory):
    class Meta:
        model = Signature

    version = factory.SubFactory(DocumentVersionFactory)
    partner_type = PartnerType.LOCAL_AUTHORITY
    by_label = "Chief Executive"
    job_title = "Chief Executive"
    signed_at = factory.LazyFunction(timezone.now)


def write_every_section(version: DocumentVersion, text: str = NARRATIVE) -> None:
    """A narrative in every section of the version's outline (rows written directly)."""
    for section in sections_for(version.document.kind, version.framework):
        Section.objects.update_or_create(
            version=version, key=section.key, defaults={"narrative": text}
        )
