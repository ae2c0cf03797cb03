"""Pages about the API: its description, and a partnership's tokens (business manager and staff)."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from masa.core.errors import InvalidInput
from masa.incidents.access import case_view
from masa.partnerships.models import Partnership
from masa.partnerships.views.common import crumbs, posted

from .forms import ApiTokenForm
from .models import ApiToken
from .services import api_token_create, api_token_revoke


def api_docs(request: HttpRequest) -> HttpResponse:
    return render(request, "api/docs.html", {"page_title": "MASA API"})


@case_view(edit=True)
def api_token_list(request: HttpRequest, partnership: Partnership) -> HttpResponse:
    form = ApiTokenForm(posted(request))
    key = ""
    if form.is_valid():
        try:
            _token, key = api_token_create(
                partnership=partnership, name=form.cleaned_data["name"], by=request.user
            )
        except InvalidInput as error:
            form.add_service_error(error)
        else:
            form = ApiTokenForm()
    return render(
        request,
        "api/tokens.html",
        {
            "partnership": partnership,
            "page_title": "API tokens",
            "breadcrumbs": crumbs(partnership, ("API tokens", "")),
            "form": form,
            "key": key,  # shown on this response only; only its hash is stored
            "tokens": ApiToken.objects.filter(partnership=partnership).select_related("created_by"),
        },
    )


@require_POST
@case_view(edit=True)
def api_token_revoke_view(request: HttpRequest, partnership: Partnership, pk: int) -> HttpResponse:
    token = ApiToken.objects.filter(partnership=partnership, pk=pk).first()
    if token is None:
        raise Http404
    try:
        api_token_revoke(token=token, by=request.user)
    except InvalidInput as error:
        messages.error(request, error.message)
    else:
        messages.success(request, f"Revoked {token.name}")
    return redirect(reverse("api-tokens:list", args=[partnership.slug]))
