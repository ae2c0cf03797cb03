"""Reads for the document pages, each with the joins its page needs (a fixed number of queries)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db.models import Prefetch, Q, QuerySet
from django.utils import timezone

from masa.accounts import signing
from masa.accounts.models import Membership
from masa.accounts.signing import Authority

from .completeness import blocking, check
from .models import Document, DocumentKind, DocumentVersion, Signature, VersionStatus


def documents_for(partnership: Any) -> QuerySet[Document]:
    """The partnership's documents (arrangements first, then yearly reports newest first), each
    with its versions newest first."""
    return (
        Document.objects.filter(partnership=partnership)
        .prefetch_related(
            Prefetch("versions", DocumentVersion.objects.order_by("-number").defer("snapshot"))
        )
        .order_by("kind", "-period_start")
    )


@dataclass(frozen=True)
class DocumentRow:
    document: Document
    latest: DocumentVersion | None
    published: DocumentVersion | None

    @property
    def is_arrangements(self) -> bool:
        return self.document.kind == DocumentKind.ARRANGEMENTS


def document_rows(partnership: Any) -> list[DocumentRow]:
    rows = []
    for document in documents_for(partnership):
        versions = list(document.versions.all())
        rows.append(
            DocumentRow(
                document=document,
                latest=versions[0] if versions else None,
                published=next((v for v in versions if v.status == VersionStatus.PUBLISHED), None),
            )
        )
    return rows


def document_detail(*, partnership: Any, pk: int) -> Document:
    """The document with its versions, or Document.DoesNotExist."""
    return (
        Document.objects.select_related("partnership")
        .prefetch_related(
            Prefetch(
                "versions",
                DocumentVersion.objects.order_by("-number")
                .defer("snapshot")
                .prefetch_related("signatures"),
            )
        )
        .get(partnership=partnership, pk=pk)
    )


def version_detail(*, partnership: Any, pk: int, number: int) -> DocumentVersion:
    """Version `number` of the partnership's document `pk`, with its sections and signatures, or
    DocumentVersion.DoesNotExist."""
    return (
        DocumentVersion.objects.select_related("document__partnership", "published_by")
        .prefetch_related(
            "sections", Prefetch("signatures", Signature.objects.select_related("by"))
        )
        .get(document__partnership=partnership, document_id=pk, number=number)
    )


@dataclass(frozen=True)
class AwaitingSignature:
    version: DocumentVersion
    authority: Authority

    @property
    def partnership(self) -> Any:
        return self.version.document.partnership


def awaiting_signature(user: Any, *, today: date | None = None) -> list[AwaitingSignature]:
    """Each draft version, in every partnership the user may sign in, that is ready to sign (no
    `must` item missing) and still needs the signature of a partner the user may sign for today."""
    if not getattr(user, "is_authenticated", False):
        return []
    today = today or timezone.localdate()
    member_of = set(
        Membership.objects.filter(user=user, is_active=True, role__in=signing.SIGNING_MEMBERSHIPS)
        .exclude(organisation=None)
        .values_list("partnership_id", flat=True)
    )
    if not member_of:
        return []
    drafts = (
        DocumentVersion.objects.filter(status=VersionStatus.DRAFT)
        .filter(
            Q(document__partnership_id__in=member_of)
            | Q(document__partnership__parent_id__in=member_of)
        )
        .select_related("document__partnership")
        .prefetch_related(Prefetch("signatures", Signature.objects.select_related("by")))
        .order_by("document__partnership__name", "document__kind", "-document__period_start")
    )
    found: list[AwaitingSignature] = []
    mine: dict[int, list[Authority]] = {}
    for version in drafts:
        partnership = version.document.partnership
        if partnership.pk not in mine:
            mine[partnership.pk] = signing.authorities(user=user, partnership=partnership, on=today)
        signed = {s.partner_type for s, _ in signing.valid_signatures(version)}
        pending = [a for a in mine[partnership.pk] if a.partner_type not in signed]
        if not pending or blocking(check(version)):
            continue
        found.extend(AwaitingSignature(version, authority) for authority in pending)
    return found
