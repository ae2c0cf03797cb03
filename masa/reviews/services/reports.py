"""The reviewer's draft and final report files (SI 2018/789 reg 14(2): the partners may ask for a
draft; reg 15: the final report). Each upload is a new version, checked to be a PDF or Word file by
its content as well as its name, no bigger than MASA_UPLOAD_MAX_MB, and stored privately."""

from __future__ import annotations

import hashlib
import io
import zipfile
from typing import Any

from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.db.models import Max

from masa.core.errors import refuse

from ..models import PracticeReview, ReportKind, ReportUpload
from .common import checked_choice
from .practice import BEFORE_PUBLICATION, _log

PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
DOC = "application/msword"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # Word 97-2003 (.doc) compound file


def _is_docx(head: bytes, upload: UploadedFile) -> bool:
    if not head.startswith(b"PK\x03\x04"):
        return False
    upload.seek(0)
    try:
        with zipfile.ZipFile(io.BytesIO(upload.read())) as archive:
            names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError):
        return False
    return {"[Content_Types].xml", "word/document.xml"} <= names


def file_type(upload: UploadedFile) -> str:
    """The content type of a PDF or Word file, judged by its extension and its first bytes; ""
    when the two disagree or it is neither."""
    name = (upload.name or "").lower()
    upload.seek(0)
    head = upload.read(8)
    if name.endswith(".pdf") and head.startswith(b"%PDF-"):
        return PDF
    if name.endswith(".docx") and _is_docx(head, upload):
        return DOCX
    if name.endswith(".doc") and head.startswith(OLE):
        return DOC
    return ""


def _clean_name(name: str) -> str:
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join(c for c in base if c.isprintable() and c not in '"<>:|?*').strip() or "report"
    return base[-200:]


def _size_label(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB" if size >= 1024 * 1024 else f"{max(1, size // 1024)} KB"


@transaction.atomic
def report_upload(
    *, review: PracticeReview, by: Any, kind: str, upload: UploadedFile | None
) -> ReportUpload:
    """A new version of the review's draft or final report. Refused, with nothing stored, when the
    review is not under way, the file is missing, too big, or not a PDF or Word document."""
    if review.status not in BEFORE_PUBLICATION:
        raise refuse(
            "__all__",
            "Reports are uploaded after the terms of reference are agreed and before publication",
        )
    kind = checked_choice(
        kind, ReportKind, "kind", "Select whether this is the draft or final report"
    )
    if not isinstance(upload, UploadedFile) or not upload.size:
        raise refuse("upload", "Select a PDF or Word file to upload")
    limit = settings.MASA_UPLOAD_MAX_MB
    if upload.size > limit * 1024 * 1024:
        raise refuse("upload", f"The file must be smaller than {limit} MB")
    content_type = file_type(upload)
    if not content_type:
        raise refuse("upload", "The selected file must be a PDF or a Word document (.docx or .doc)")
    digest = hashlib.sha256()
    upload.seek(0)
    for chunk in upload.chunks():
        digest.update(chunk)
    upload.seek(0)
    # one writer at a time per review, so two uploads never take the same version number
    PracticeReview.objects.select_for_update().filter(pk=review.pk).first()
    latest = review.uploads.filter(kind=kind).aggregate(n=Max("version"))["n"] or 0
    name = _clean_name(upload.name or "")
    row = ReportUpload(
        review=review, kind=kind, version=latest + 1, original_name=name,
        content_type=content_type, size=upload.size, sha256=digest.hexdigest(),
        uploaded_by=by if getattr(by, "pk", None) else None, uploaded_by_label=str(by or ""),
    )  # fmt: skip
    row.file.save(name, upload, save=False)
    try:
        row.save()
        _log(
            review, by, "report_uploaded",
            f"Uploaded the {row.get_kind_display().lower()} of {review}, version {row.version} "
            f"({name}, {_size_label(row.size)})",
            kind=kind, version=row.version, sha256=row.sha256,
        )  # fmt: skip
    except Exception:
        row.file.delete(save=False)
        raise
    return row
