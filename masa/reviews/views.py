"""Pages for rapid and practice reviews. Review roles read and change; the scrutineer reads; an
appointed reviewer reads their own practice review. Every view of a review is logged."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.conf import settings as django_settings
from django.core.files.storage import default_storage
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from masa.actions.selectors import recommendations_from
from masa.actions.services import recommendation_create
from masa.casereads.models import Channel
from masa.casereads.services import case_read_record, read_logged
from masa.clocks import services as clock_services
from masa.clocks.forms import ClockForm, ExtendForm, PauseForm
from masa.core.form_page import form_page
from masa.core.forms import ServiceForm
from masa.core.versioning import version_initial
from masa.incidents.models import SeriousIncident
from masa.partnerships.models import Partnership
from masa.partnerships.views.common import crumbs, posted

from . import exports, forms, selectors, services, steps
from .access import can_edit, can_read, review_view
from .clocks import (
    checkpoint_clocks,
    clock_rules,
    practice_clocks,
    rapid_clocks,
    settings_for,
)
from .models import PracticeReview, RapidReview, ReportUpload, ReviewerAppointment
from .services.practice import BEFORE_PUBLICATION, next_checkpoint_due
from .workflow import PracticeStatus

UPLOAD_STATUSES = BEFORE_PUBLICATION  # a report is uploaded while the review can still change


def _url(name: str, partnership: Partnership, *args: Any) -> str:
    return reverse(f"reviews:{name}", args=[partnership.slug, *args])


def _trail(partnership: Partnership, *more: tuple[str, str]) -> list[tuple[str, str]]:
    return crumbs(partnership, ("Reviews", _url("index", partnership)), *more)


def _logged(
    partnership: Partnership, review: Any, kind: str, reference: str, *, page: str, user: Any
) -> None:
    """Log the read of one review; a 404 or 403 never gets here."""
    case_read_record(
        by=user,
        partnership=partnership,
        channel=Channel.EXPORT if page.endswith(".docx") else Channel.PAGE,
        record_type=kind,
        records=[review],
        what=f"{kind} {reference}" + ("" if page == "detail" else f" ({page})"),
    )


def _rapid(partnership: Partnership, pk: int, *, page: str, user: Any) -> RapidReview:
    try:
        review = selectors.rapid_review_detail(partnership=partnership, pk=pk)
    except RapidReview.DoesNotExist:
        raise Http404 from None
    _logged(partnership, review, "rapid review", review.incident.reference, page=page, user=user)
    return review


def _practice(partnership: Partnership, pk: int, *, page: str, user: Any) -> PracticeReview:
    try:
        review = selectors.practice_review_detail(partnership=partnership, pk=pk)
    except PracticeReview.DoesNotExist:
        raise Http404 from None
    _logged(partnership, review, "practice review", review.reference, page=page, user=user)
    return review


def _form(
    request: HttpRequest,
    partnership: Partnership,
    form: ServiceForm,
    *,
    call: Callable[[dict[str, Any]], Any],
    title: str,
    back: str,
    trail: list[tuple[str, str]],
    success_url: Callable[[Any], str] | None = None,
    lead: str = "",
) -> HttpResponse:
    return form_page(
        request,
        form,
        call=call,
        success_url=success_url or back,
        success_message=f"{title}: done",
        context={
            "partnership": partnership,
            "page_title": title,
            "breadcrumbs": _trail(partnership, *trail, (title, "")),
            "cancel_url": back,
            "lead": lead,
        },
    )


@review_view()
def review_index(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    rapid = list(selectors.rapid_reviews_for(partnership=partnership)[:200])
    practice = list(selectors.practice_reviews_for(partnership=partnership)[:200])
    read_logged(
        request,
        partnership=partnership,
        channel=Channel.LIST,
        record_type="review",
        records=[*rapid, *practice],
        what=f"list of {len(rapid)} rapid and {len(practice)} practice reviews",
    )
    return render(
        request,
        "reviews/index.html",
        {
            "partnership": partnership,
            "page_title": "Reviews",
            "breadcrumbs": crumbs(partnership, ("Reviews", "")),
            "can_edit": can_edit(request.user, partnership),
            "rapid_reviews": rapid,
            "practice_reviews": practice,
        },
    )


@review_view(edit=True)
def rapid_review_start(request: HttpRequest, partnership: Partnership, pk: int) -> HttpResponse:
    incident = SeriousIncident.objects.filter(partnership=partnership, pk=pk).first()
    if incident is None:
        raise Http404
    basis = settings_for(partnership).get_rapid_review_clock_basis_display().lower()
    return _form(
        request,
        partnership,
        forms.StartForm(posted(request), initial={"started_on": timezone.localdate()}),
        call=lambda d: services.rapid_review_start(incident=incident, by=request.user, **d),
        title=f"Start the rapid review of {incident.reference}",
        lead=f"Its 15 working days count from {basis} (the partnership's setting).",
        back=reverse("incidents:detail", args=[partnership.slug, incident.pk]),
        trail=[],
        success_url=lambda r: _url("rapid-detail", partnership, r.pk),
    )


@review_view(source_reads=True)
def rapid_review_detail(request: HttpRequest, partnership: Partnership, pk: int) -> HttpResponse:
    """Also read, never changed, by the reviewer of the practice review it led to: its source."""
    review = _rapid(partnership, pk, page="detail", user=request.user)
    editing = can_edit(request.user, partnership)
    reading = can_read(request.user, partnership)
    today = timezone.localdate()
    return render(
        request,
        "reviews/rapid_detail.html",
        {
            "partnership": partnership,
            "review": review,
            "page_title": f"Rapid review of {review.incident.reference}",
            "breadcrumbs": _trail(partnership, (f"Rapid review {review.incident.reference}", "")),
            "can_edit": editing,
            "clocks": rapid_clocks(review, guidance=partnership.guidance, today=today),
            "steps": steps.offered("rapid review", review.status) if editing else [],
            # the notification, the pack and the case timeline are for the partnership's readers
            "can_read": reading,
            "events": selectors.history_for(subject=review)[:30] if reading else [],
        },
    )


@review_view()
def rapid_review_pack(request: HttpRequest, partnership: Partnership, pk: int) -> HttpResponse:
    review = _rapid(partnership, pk, page="pack.docx", user=request.user)
    response = HttpResponse(
        exports.rapid_review_pack(review, today=timezone.localdate()),
        content_type="application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )
    name = f"{partnership.slug}-rapid-review-{review.incident.reference}.docx"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@review_view(edit=True)
def rapid_review_step(
    request: HttpRequest, partnership: Partnership, pk: int, step: str
) -> HttpResponse:
    review = _rapid(partnership, pk, page=step, user=request.user)
    found = dict(steps.offered("rapid review", review.status)).get(step)
    if found is None:
        raise Http404  # a step the workflow does not offer now
    back = _url("rapid-detail", partnership, pk)
    initial = {f: getattr(review, f) for f in services.rapid.CONTENT} if step == "record" else {}
    initial.update(version_initial(review))
    return _form(
        request,
        partnership,
        found.form(posted(request), initial=initial),
        call=lambda d: found.call(review, d, request.user),
        title=found.label,
        lead=str(review),
        back=back,
        trail=[(f"Rapid review {review.incident.reference}", back)],
    )


def _clock_form(
    request: HttpRequest, partnership: Partnership, subject: Any, *, kind: str, extend: bool
) -> HttpResponse:
    """Pause or extend one of the review's clocks: an event with a reason, never an edited date."""
    back = _url(f"{kind}-detail", partnership, subject.pk)
    rules = clock_rules(kind, partnership)
    form: ClockForm = (ExtendForm if extend else PauseForm)(posted(request), rules=rules)
    service = clock_services.clock_extend if extend else clock_services.clock_pause
    return _form(
        request,
        partnership,
        form,
        call=lambda d: service(subject=subject, by=request.user, **d),
        title=f"{'Extend' if extend else 'Pause'} a clock on {subject}",
        lead="The due date is never edited: the "
        + ("extension" if extend else "pause")
        + " is recorded with its reason and the due date is worked out again.",
        back=back,
        trail=[(str(subject), back)],
    )


@review_view(edit=True)
def rapid_review_pause(request: HttpRequest, partnership: Partnership, pk: int) -> HttpResponse:
    review = _rapid(partnership, pk, page="pause", user=request.user)
    return _clock_form(request, partnership, review, kind="rapid", extend=False)


@review_view(edit=True)
def rapid_review_extend(request: HttpRequest, partnership: Partnership, pk: int) -> HttpResponse:
    review = _rapid(partnership, pk, page="extend", user=request.user)
    return _clock_form(request, partnership, review, kind="rapid", extend=True)


@review_view()
def practice_review_list(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    return redirect(_url("index", partnership) + "#practice-reviews")


@review_view(edit=True)
def practice_review_add(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    return _form(
        request,
        partnership,
        forms.InitiateForm(posted(request), partnership=partnership),
        call=lambda d: services.practice_review_initiate(
            partnership=partnership, by=request.user, **d
        ),
        title="Initiate a local child safeguarding practice review",
        back=_url("index", partnership),
        trail=[],
        success_url=lambda r: _url("practice-detail", partnership, r.pk),
    )


@review_view(reviewer_reads=True)
def practice_review_detail(request: HttpRequest, partnership: Partnership, pk: int) -> HttpResponse:
    review = _practice(partnership, pk, page="detail", user=request.user)
    editing = can_edit(request.user, partnership)
    reading = can_read(request.user, partnership)
    settings = settings_for(partnership)
    today = timezone.localdate()
    held = list(review.checkpoints.all())
    # whoever reaches the page without a partnership role is the review's appointed reviewer
    reviewer = not reading
    return render(
        request,
        "reviews/practice_detail.html",
        {
            "partnership": partnership,
            "review": review,
            "page_title": f"{review.reference}: {review.title}",
            "breadcrumbs": _trail(partnership, (review.reference, "")),
            "can_edit": editing,
            "clocks": practice_clocks(
                review,
                settings=settings,
                today=today,
                six_months=partnership.six_month_practice_reviews,
            )
            + checkpoint_clocks(
                review, weeks=settings.checkpoint_interval_weeks, today=today, held=held
            ),
            "settings": settings,
            "checkpoints": held,
            "next_checkpoint": next_checkpoint_due(
                review, weeks=settings.checkpoint_interval_weeks, held=len(held)
            ),
            "steps": steps.offered("practice review", review.status, reviewer=reviewer)
            if editing or reviewer
            else [],
            "can_read": reading,
            "uploads": selectors.uploads_of(review),
            "can_upload": (editing or reviewer) and review.status in UPLOAD_STATUSES,
            "can_remove": editing and review.status in services.practice.BEFORE_PUBLICATION,
            "recommendations": recommendations_from(review, today=today),
            "can_recommend": editing and review.status in RECOMMENDING,
            # the case timeline is for the partnership's readers, not the commissioned reviewer
            "events": selectors.history_for(subject=review)[:30]
            if can_read(request.user, partnership)
            else [],
        },
    )


@review_view(edit=True, reviewer_writes=True)
def practice_review_step(
    request: HttpRequest, partnership: Partnership, pk: int, step: str
) -> HttpResponse:
    """The partnership's steps; the appointed reviewer gets only steps.REVIEWER_STEPS."""
    review = _practice(partnership, pk, page=step, user=request.user)
    reviewer = not can_edit(request.user, partnership)
    found = dict(steps.offered("practice review", review.status, reviewer=reviewer)).get(step)
    if found is None:
        raise Http404
    back = _url("practice-detail", partnership, pk)
    extra: dict[str, Any] = {"partnership": partnership} if found.form is forms.AppointForm else {}
    initial: dict[str, Any] = version_initial(review)
    if step == "report" and review.report_received_on:  # correcting the checklist
        initial.update(
            received_on=review.report_received_on,
            summary_of_improvements=review.summary_of_improvements,
            systemic_analysis=review.systemic_analysis,
        )
    return _form(
        request,
        partnership,
        found.form(posted(request), initial=initial, **extra),
        call=lambda d: found.call(review, d, request.user),
        title=found.label,
        lead=str(review),
        back=back,
        trail=[(review.reference, back)],
    )


@review_view(edit=True, reviewer_writes=True)
def practice_report_upload(request: HttpRequest, partnership: Partnership, pk: int) -> HttpResponse:
    """The appointed reviewer (or the partnership's editors) upload a draft or final report."""
    review = _practice(partnership, pk, page="upload", user=request.user)
    if review.status not in UPLOAD_STATUSES:
        raise Http404
    back = _url("practice-detail", partnership, pk)
    files = request.FILES if request.method == "POST" else None
    return _form(
        request,
        partnership,
        forms.ReportUploadForm(posted(request), files),
        call=lambda d: services.report_upload(review=review, by=request.user, **d),
        title="Upload a report",
        lead=f"{review}. A PDF or Word document up to {django_settings.MASA_UPLOAD_MAX_MB} MB.",
        back=back,
        trail=[(review.reference, back)],
    )


@review_view(reviewer_reads=True)
def practice_report_download(
    request: HttpRequest, partnership: Partnership, pk: int, upload: int
) -> FileResponse:
    """A report file, only through this view (never a public URL), logged as a read."""
    review = _practice(partnership, pk, page="report-file", user=request.user)
    found = ReportUpload.objects.filter(review=review, pk=upload).first()
    name = found.file.name if found else None
    if found is None or not name or not default_storage.exists(name):
        raise Http404
    response = FileResponse(
        default_storage.open(name, "rb"),
        as_attachment=True,
        filename=found.original_name,
        content_type=found.content_type,
    )
    response["Cache-Control"] = "private, no-store"
    return response


RECOMMENDING = frozenset(
    {
        PracticeStatus.REPORT_RECEIVED,
        PracticeStatus.PUBLICATION_DECIDED,
        PracticeStatus.SENT_TO_SOS_PANEL,
        PracticeStatus.PUBLISHED,
    }
)


@review_view(edit=True)
def practice_recommendation_add(
    request: HttpRequest, partnership: Partnership, pk: int
) -> HttpResponse:
    """The final report's recommendations become the partnership's, each with its actions."""
    review = _practice(partnership, pk, page="add-recommendation", user=request.user)
    if review.status not in RECOMMENDING:
        raise Http404
    back = _url("practice-detail", partnership, pk)
    made = recommendations_from(review, today=timezone.localdate()).count()
    initial = {"reference": f"{review.reference} R{made + 1}"}
    return _form(
        request,
        partnership,
        forms.RecommendationForm(posted(request), initial=initial),
        call=lambda d: recommendation_create(
            partnership=partnership,
            by=request.user,
            source=review,
            source_label=f"{review.reference}: {review.title}",
            **d,
        ),
        title="Add a recommendation from this review",
        lead=str(review),
        back=back,
        trail=[(review.reference, back)],
        success_url=lambda r: reverse("actions:recommendation", args=[partnership.slug, r.pk]),
    )


@review_view(edit=True)
def reviewer_remove(
    request: HttpRequest, partnership: Partnership, pk: int, appointment: int
) -> HttpResponse:
    review = _practice(partnership, pk, page="remove-reviewer", user=request.user)
    found = ReviewerAppointment.objects.filter(review=review, pk=appointment).first()
    if found is None:
        raise Http404
    back = _url("practice-detail", partnership, pk)
    return _form(
        request,
        partnership,
        forms.RemoveForm(posted(request)),
        call=lambda d: services.reviewer_remove(appointment=found, by=request.user, **d),
        title=f"Remove {found.name} as reviewer (reg 13)",
        back=back,
        trail=[(review.reference, back)],
    )


@review_view(edit=True)
def practice_review_pause(request: HttpRequest, partnership: Partnership, pk: int) -> HttpResponse:
    review = _practice(partnership, pk, page="pause", user=request.user)
    return _clock_form(request, partnership, review, kind="practice", extend=False)


@review_view(edit=True)
def practice_review_extend(request: HttpRequest, partnership: Partnership, pk: int) -> HttpResponse:
    review = _practice(partnership, pk, page="extend", user=request.user)
    return _clock_form(request, partnership, review, kind="practice", extend=True)


@review_view(edit=True)
def review_settings(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    current = settings_for(partnership)
    initial = {
        f: getattr(current, f)
        for f in (
            "rapid_review_clock_basis",
            "include_working_day_reading",
            "notify_ofsted",
            "checkpoint_interval_weeks",
        )
    }
    return _form(
        request,
        partnership,
        forms.SettingsForm(posted(request), initial=initial),
        call=lambda d: services.review_settings_update(
            partnership=partnership, by=request.user, **d
        ),
        title="Review settings",
        lead="Panel guidance counts the rapid review from the notification; some local procedures "
        "count from when the partners became aware (WT2018 ch4 / WT2023 ch5).",
        back=_url("index", partnership),
        trail=[],
    )
