"""Password reset by email, with Django's views and tokens. The request page never says whether
an address has an account: the same "check your email" page follows every well-formed address."""

from __future__ import annotations

from typing import Any

from django.contrib.auth import views as auth_views
from django.http import HttpResponse
from django.urls import reverse_lazy

from .. import services
from ..forms import NewPasswordForm, PasswordResetRequestForm
from ..models import SignInEvent


class PasswordResetRequestView(auth_views.PasswordResetView):
    template_name = "accounts/password_reset.html"
    form_class = PasswordResetRequestForm
    email_template_name = "accounts/email/password_reset.txt"
    subject_template_name = "accounts/email/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password-reset-sent")
    extra_context = {"page_title": "Reset your password"}

    def form_valid(self, form: Any) -> HttpResponse:
        services.sign_in_event_record(
            kind=SignInEvent.Kind.PASSWORD_RESET_REQUESTED,
            request=self.request,
            username=form.cleaned_data["email"],
        )
        return super().form_valid(form)


class PasswordResetSentView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_sent.html"
    extra_context = {"page_title": "Check your email"}


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    template_name = "accounts/password_reset_confirm.html"
    form_class = NewPasswordForm
    success_url = reverse_lazy("accounts:password-reset-done")
    extra_context = {"page_title": "Choose a new password"}

    def form_valid(self, form: Any) -> HttpResponse:
        response = super().form_valid(form)
        services.sign_in_event_record(
            kind=SignInEvent.Kind.PASSWORD_RESET_DONE, request=self.request, user=form.user
        )
        return response


class PasswordResetDoneView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_done.html"
    extra_context = {"page_title": "Your password has been changed"}
