"""Reads for the document pages, each with the joins its page needs (a fixed number of queries)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, QuerySet

from masa.accounts.models import Membership, Role

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


def is_lead_partner(user: Any, partnership: Any) -> bool:
    """The user holds an active lead safeguarding partner membership (here or in the parent)."""
    if not getattr(user, "is_authenticated", False):
        return False
    chain = [partnership.pk] + ([partnership.parent_id] if partnership.parent_id else [])
    return Membership.objects.filter(
        user=user, partnership_id__in=chain, role=Role.LEAD_PARTNER, is_active=True
    ).exists()
