"""Site-wide pages: start page, accessibility statement, health check and the error pages."""

from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils import timezone


def home(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        from masa.accounts.selectors import partnerships_visible_to
        from masa.documents.selectors import awaiting_signature
        from masa.reviews.selectors import reviews_of_reviewer

        return render(
            request,
            "core/home_signed_in.html",
            {
                "page_title": "Home",
                "awaiting": awaiting_signature(request.user),
                "has_partnerships": partnerships_visible_to(request.user).exists(),  # type: ignore[arg-type]
                "your_reviews": reviews_of_reviewer(request.user, today=timezone.localdate()),
            },
        )
    return render(request, "core/home.html")


def accessibility(request: HttpRequest) -> HttpResponse:
    return render(request, "core/accessibility.html")


def healthz(request: HttpRequest) -> JsonResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def _error(request: HttpRequest, status: int, title: str, body: str) -> HttpResponse:
    return render(
        request, "core/error.html", {"title": title, "body": body, "status": status}, status=status
    )


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(
        request,
        400,
        "Sorry, there is a problem with that request",
        "Check the address or the form and try again.",
    )


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(
        request,
        403,
        "You do not have access to this page",
        "This page belongs to a partnership you are not a member of, or your role "
        "does not include it. Ask your partnership's business manager for access.",
    )


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _error(
        request,
        404,
        "Page not found",
        "If you typed the web address, check it is correct. If you pasted it, "
        "check you copied the entire address.",
    )


def server_error(request: HttpRequest) -> HttpResponse:
    return _error(
        request,
        500,
        "Sorry, there is a problem with the service",
        "Try again later. Nothing you entered has been saved.",
    )
