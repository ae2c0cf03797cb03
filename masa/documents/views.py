"""Staff pages for the published arrangements and yearly reports: the list, a document's versions,
a version with its sections, completeness and signatures, and the forms that change them.

Every member of the partnership reads; the business manager (and staff) drafts and publishes; a
lead safeguarding partner signs. Only the moves the version allows are offered."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from masa.accounts import signing
from masa.accounts.access import partnership_view
from masa.accounts.selectors import can_edit
from masa.core.form_page import form_page
from masa.core.versioning import version_initial
from masa.partnerships.models import Partnership, PartnerType
from masa.partnerships.views.common import crumbs, posted
from masa.statute.loader import load_library

from . import forms, selectors, services, workflow
from .assembly import content_for
from .completeness import blocking, check_content
from .models import Document, DocumentKind, DocumentVersion, VersionStatus
from .outline import section_for, sections_for
from .render import render_html


def _url(name: str, partnership: Partnership, *args: Any) -> str:
    return reverse(f"documents:{name}", args=[partnership.slug, *args])


def _version_url(version: DocumentVersion) -> str:
    document = version.document
    return _url("version", document.partnership, document.pk, version.number)


def public_url(version: DocumentVersion) -> str:
    """The public address of a published (or superseded) version; "" for a draft."""
    if not version.is_frozen:
        return ""
    document = version.document
    slug = document.partnership.slug
    if document.kind == DocumentKind.YEARLY_REPORT:
        return reverse(
            "public_documents:yearly-report-version", args=[slug, document.period, version.number]
        )
    return reverse("public_documents:arrangements-version", args=[slug, version.number])


def _trail(partnership: Partnership, *more: tuple[str, str]) -> list[tuple[str, str]]:
    return crumbs(partnership, ("Documents", _url("list", partnership)), *more)


def _version_trail(version: DocumentVersion, *more: tuple[str, str]) -> list[tuple[str, str]]:
    document = version.document
    return _trail(
        document.partnership,
        (str(document), _url("document", document.partnership, document.pk)),
        (f"Version {version.number}", _version_url(version)),
        *more,
    )


def _document(partnership: Partnership, pk: int) -> Document:
    try:
        return selectors.document_detail(partnership=partnership, pk=pk)
    except Document.DoesNotExist:
        raise Http404 from None


def _version(partnership: Partnership, pk: int, number: int) -> DocumentVersion:
    try:
        return selectors.version_detail(partnership=partnership, pk=pk, number=number)
    except DocumentVersion.DoesNotExist:
        raise Http404 from None


def _draft(partnership: Partnership, pk: int, number: int) -> DocumentVersion:
    """A version that can still change; a frozen one offers no form (its services refuse too)."""
    version = _version(partnership, pk, number)
    if version.status not in workflow.EDITABLE:
        raise Http404
    return version


def _form(
    request: HttpRequest,
    partnership: Partnership,
    form: forms.ServiceForm,
    *,
    call: Callable[[dict[str, Any]], Any],
    title: str,
    back: str,
    trail: list[tuple[str, str]],
    success_message: Callable[[Any], str],
    success_url: Callable[[Any], str] | None = None,
    template: str = "documents/form.html",
    submit_label: str = "Save",
    **context: Any,
) -> HttpResponse:
    return form_page(
        request,
        form,
        call=call,
        success_url=success_url or back,
        success_message=success_message,
        template=template,
        context={
            "partnership": partnership,
            "page_title": title,
            "breadcrumbs": [*trail, (title, "")],
            "cancel_url": back,
            "submit_label": submit_label,
            **context,
        },
    )


# Reading -----------------------------------------------------------------------------------------


@require_GET
@partnership_view()
def document_list(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    rows = selectors.document_rows(partnership)
    return render(
        request,
        "documents/list.html",
        {
            "partnership": partnership,
            "page_title": "Published arrangements and yearly reports",
            "breadcrumbs": crumbs(partnership, ("Documents", "")),
            "can_edit": can_edit(request.user, partnership),  # type: ignore[arg-type]
            "arrangements": [r for r in rows if r.is_arrangements],
            "reports": [r for r in rows if not r.is_arrangements],
            "tags": workflow.TAGS,
        },
    )


@require_GET
@partnership_view()
def document_detail(request: HttpRequest, partnership: Partnership, pk: int) -> HttpResponse:
    document = _document(partnership, pk)
    versions = list(document.versions.all())
    return render(
        request,
        "documents/document.html",
        {
            "partnership": partnership,
            "document": document,
            "versions": versions,
            "page_title": str(document),
            "breadcrumbs": _trail(partnership, (str(document), "")),
            "can_edit": can_edit(request.user, partnership),  # type: ignore[arg-type]
            "has_draft": any(v.status == VersionStatus.DRAFT for v in versions),
            "tags": workflow.TAGS,
        },
    )


@require_GET
@partnership_view()
def version_detail(
    request: HttpRequest, partnership: Partnership, pk: int, number: int
) -> HttpResponse:
    version = _version(partnership, pk, number)
    content = content_for(version)
    completeness = check_content(content)
    library = load_library()
    narratives = {s.key: s.narrative for s in version.sections.all()}
    items = {i.requirement: i for i in completeness.items}
    sections = [
        {
            "outline": outline,
            "written": bool(narratives.get(outline.key, "").strip()),
            "requirements": [(library.requirements[r], items.get(r)) for r in outline.requirements],
        }
        for outline in sections_for(version.document.kind, version.framework)
    ]
    partnership_signatures = signing.valid_signatures(version)
    counted = {s.pk: authority for s, authority in partnership_signatures}
    signatures = [(s, counted.get(s.pk)) for s in version.signatures.all()]
    signed = {s.partner_type for s, _ in partnership_signatures}
    draft = version.status == VersionStatus.DRAFT
    mine = signing.authorities(user=request.user, partnership=partnership) if draft else []
    editor = can_edit(request.user, partnership)  # type: ignore[arg-type]
    missing = blocking(completeness)
    return render(
        request,
        "documents/version.html",
        {
            "partnership": partnership,
            "version": version,
            "document": version.document,
            "content": content,
            "preview": render_html(content, public=False),
            "public_url": public_url(version),
            "sections": sections,
            "completeness": completeness,
            "blocking": missing,
            "signatures": signatures,
            "unsigned": [label for value, label in PartnerType.choices if value not in signed],
            "page_title": f"{version.document}, version {version.number}",
            "breadcrumbs": _trail(
                partnership,
                (str(version.document), _url("document", partnership, pk)),
                (f"Version {version.number}", ""),
            ),
            "can_edit": editor and draft,
            "can_sign": draft and not missing and any(a.partner_type not in signed for a in mine),
            "can_publish": editor and draft and not missing and len(signed) == 3,
            "tags": workflow.TAGS,
        },
    )


# Changing ----------------------------------------------------------------------------------------


@partnership_view(edit=True)
def document_add(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    back = _url("list", partnership)
    return _form(
        request,
        partnership,
        forms.DocumentForm(posted(request), initial={"kind": request.GET.get("kind")}),
        call=lambda data: services.document_create(
            partnership=partnership, by=request.user, **data
        ),
        title="Start a document",
        back=back,
        trail=_trail(partnership),
        success_message=lambda d: f"{d} started: version 1 is a draft",
        success_url=lambda d: _url("version", partnership, d.pk, 1),
        lead="The sections and the statutory items they answer follow the guidance the "
        f"partnership works to ({partnership.get_guidance_display()}).",
        submit_label="Start",
    )


@partnership_view(edit=True)
def version_add(request: HttpRequest, partnership: Partnership, pk: int) -> HttpResponse:
    document = _document(partnership, pk)
    if any(v.status == VersionStatus.DRAFT for v in document.versions.all()):
        raise Http404  # one draft at a time: change that one
    back = _url("document", partnership, pk)
    return _form(
        request,
        partnership,
        forms.NewVersionForm(posted(request)),
        call=lambda data: services.version_create(document=document, by=request.user),
        title=f"Make a new version of the {str(document).lower()}",
        back=back,
        trail=_trail(partnership, (str(document), back)),
        success_message=lambda v: f"Version {v.number} is a draft",
        success_url=_version_url,
        lead="The new draft starts with the latest version's text. It needs every lead "
        "safeguarding partner's signature again before it is published.",
        submit_label="Make a new version",
    )


@partnership_view(edit=True)
def section_edit(
    request: HttpRequest, partnership: Partnership, pk: int, number: int, key: str
) -> HttpResponse:
    version = _draft(partnership, pk, number)
    outline = section_for(version.document.kind, version.framework, key)
    if outline is None:
        raise Http404
    back = _version_url(version) + f"#section-{key}"
    section = next((s for s in version.sections.all() if s.key == key), None)
    library = load_library()
    return _form(
        request,
        partnership,
        forms.SectionForm(
            posted(request),
            initial={"narrative": section.narrative if section else "", **version_initial(section)},
        ),
        call=lambda data: services.section_update(
            version=version, key=key, by=request.user, **data
        ),
        title=outline.heading,
        back=back,
        trail=_version_trail(version),
        success_message=lambda s: f"“{outline.heading}” saved",
        template="documents/section_form.html",
        outline=outline,
        requirements=[library.requirements[r] for r in outline.requirements],
        signed=any(s.is_valid for s in version.signatures.all()),
        version=version,
    )


@partnership_view(edit=True)
def details_edit(
    request: HttpRequest, partnership: Partnership, pk: int, number: int
) -> HttpResponse:
    version = _draft(partnership, pk, number)
    return _form(
        request,
        partnership,
        forms.DetailsForm(
            posted(request),
            initial={
                "title": version.title,
                "effective_from": version.effective_from,
                "change_summary": version.change_summary,
                **version_initial(version),
            },
        ),
        call=lambda data: services.version_details_update(version=version, by=request.user, **data),
        title=f"Title and dates of version {version.number}",
        back=_version_url(version),
        trail=_version_trail(version),
        success_message=lambda v: "Details saved",
        signed=any(s.is_valid for s in version.signatures.all()),
    )


@partnership_view()
def version_sign(
    request: HttpRequest, partnership: Partnership, pk: int, number: int
) -> HttpResponse:
    version = _draft(partnership, pk, number)
    signed = {s.partner_type for s, _ in signing.valid_signatures(version)}
    mine = [
        a
        for a in signing.authorities(user=request.user, partnership=partnership)
        if a.partner_type not in signed
    ]
    if not mine:
        raise PermissionDenied  # they may sign for no partner that has still to sign
    return _form(
        request,
        partnership,
        forms.SignForm(posted(request), authorities=mine),
        call=lambda data: services.version_sign(version=version, by=request.user, **data),
        title=f"Sign version {version.number} of the {str(version.document).lower()}",
        back=_version_url(version),
        trail=_version_trail(version),
        success_message=lambda s: f"Signed for the {s.get_partner_type_display().lower()}",
        lead="By signing you agree this version for the partner you represent. Any later change "
        "to it voids every signature.",
        submit_label="Sign",
    )


@partnership_view(edit=True)
def version_publish(
    request: HttpRequest, partnership: Partnership, pk: int, number: int
) -> HttpResponse:
    version = _draft(partnership, pk, number)
    return _form(
        request,
        partnership,
        forms.PublishForm(posted(request)),
        call=lambda data: services.version_publish(version=version, by=request.user, **data),
        title=f"Publish version {version.number} of the {str(version.document).lower()}",
        back=_version_url(version),
        trail=_version_trail(version),
        success_message=lambda v: f"Version {v.number} is published and frozen",
        lead="Publishing freezes this version exactly as signed. The version published before "
        "it becomes superseded.",
        submit_label="Publish",
    )
