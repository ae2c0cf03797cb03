"""How every form page behaves: GET shows the form; a valid POST calls the service and redirects
with a success message; a refusal shows the form again, status 200, with the service's messages in
the GOV.UK error summary and nothing written (the service runs in one transaction)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render

from .errors import InvalidInput, NotPermitted, TransitionNotAllowed
from .forms import ServiceForm

FORM_TEMPLATE = "partnerships/form.html"


def _value(given: str | Callable[[Any], str], result: Any) -> str:
    return given(result) if callable(given) else given


def form_page(
    request: HttpRequest,
    form: ServiceForm,
    *,
    call: Callable[[dict[str, Any]], Any],
    success_url: str | Callable[[Any], str],
    success_message: str | Callable[[Any], str],
    context: Mapping[str, Any],
    template: str = FORM_TEMPLATE,
) -> HttpResponse:
    """`context` is the page's own: partnership, page_title, breadcrumbs, cancel_url, lead…"""
    if request.method == "POST" and form.is_valid():
        try:
            result = call(form.cleaned_data)
        except InvalidInput as error:
            form.add_service_error(error)
        except (TransitionNotAllowed, NotPermitted) as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _value(success_message, result))
            return redirect(_value(success_url, result))
    return render(request, template, {**context, "form": form})
