from django.contrib.auth import views as auth_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from .forms import SignInForm


class SignInView(auth_views.LoginView):
    template_name = "accounts/sign_in.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True
    extra_context = {"page_title": "Sign in"}


class SignOutView(auth_views.LogoutView):
    pass


def signed_out(request: HttpRequest) -> HttpResponse:
    return render(request, "accounts/signed_out.html", {"page_title": "You have signed out"})
