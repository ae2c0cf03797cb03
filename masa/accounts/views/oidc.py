"""Signing in with Microsoft: the start (redirect to Entra) and the callback. Both are 404 when
single sign-on is not configured."""

from __future__ import annotations

import logging

import jwt
import requests
from django.contrib import messages
from django.core.exceptions import SuspiciousOperation
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from mozilla_django_oidc.views import (
    OIDCAuthenticationCallbackView,
    OIDCAuthenticationRequestView,
)

from .. import services
from ..middleware import SIGNED_IN_WITH_SSO
from ..models import SignInEvent
from ..oidc import oidc_enabled

log = logging.getLogger(__name__)

FAILED = (
    "We could not sign you in with Microsoft. Your Microsoft account must use the same email "
    "address as your MASA account: ask your business manager, or sign in with your password."
)


class CallbackView(OIDCAuthenticationCallbackView):
    def get(self, request: HttpRequest) -> HttpResponse:
        try:
            return super().get(request)
        except (
            SuspiciousOperation,
            jwt.PyJWTError,
            requests.RequestException,
            ValueError,
            KeyError,
        ) as error:
            # A replayed or forged callback, a provider that is down, an expired or malformed token.
            log.warning("Single sign-on failed: %s", error)
            services.sign_in_event_record(
                kind=SignInEvent.Kind.FAILED, request=request, detail="single sign-on"
            )
            return self.login_failure()

    def login_failure(self) -> HttpResponse:
        messages.error(self.request, FAILED)
        return redirect("accounts:sign-in")

    def login_success(self) -> HttpResponse:
        response = super().login_success()
        self.request.session[SIGNED_IN_WITH_SSO] = True
        return response


def start(request: HttpRequest) -> HttpResponse:
    if not oidc_enabled():
        raise Http404
    return OIDCAuthenticationRequestView.as_view()(request)


def callback(request: HttpRequest) -> HttpResponse:
    if not oidc_enabled():
        raise Http404
    return CallbackView.as_view()(request)
