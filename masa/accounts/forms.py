from django import forms
from django.contrib.auth.forms import AuthenticationForm, PasswordResetForm, SetPasswordForm

from masa.core.forms import ServiceForm


class SignInForm(AuthenticationForm):
    username = forms.CharField(
        label="Username", max_length=150, error_messages={"required": "Enter your username"}
    )
    password = forms.CharField(
        label="Password",
        strip=False,
        widget=forms.PasswordInput,
        error_messages={"required": "Enter your password"},
    )

    error_messages = {
        "invalid_login": "Enter a correct username and password. Both are case-sensitive.",
        "inactive": "This account has been switched off. Ask your business manager.",
    }


class TwoFactorCodeForm(ServiceForm):
    code = forms.CharField(
        label="Code",
        max_length=20,
        help_text="The 6-digit code from your authenticator app, or one of your backup codes",
        error_messages={
            "required": "Enter the code from your authenticator app",
            "max_length": "Enter the 6-digit code from your authenticator app",
        },
    )

    def clean_code(self) -> str:
        # People type codes with spaces ("123 456"), as the apps show them.
        return "".join(self.cleaned_data["code"].split())


class AuthenticatorCodeForm(TwoFactorCodeForm):
    code = forms.CharField(
        label="Code from your authenticator app",
        max_length=20,
        help_text="The 6-digit code the app shows for MASA",
        error_messages={
            "required": "Enter the 6-digit code from your authenticator app",
            "max_length": "Enter the 6-digit code from your authenticator app",
        },
    )


class PasswordResetRequestForm(PasswordResetForm):
    email = forms.EmailField(
        label="Email address",
        max_length=254,
        help_text="The email address your MASA account uses",
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.org",
            "max_length": "Email address must be 254 characters or fewer",
        },
    )


class NewPasswordForm(SetPasswordForm):
    new_password1 = forms.CharField(
        label="New password",
        strip=False,
        widget=forms.PasswordInput,
        help_text="At least 12 characters, not a common password and not only numbers",
        error_messages={"required": "Enter a new password"},
    )
    new_password2 = forms.CharField(
        label="Confirm new password",
        strip=False,
        widget=forms.PasswordInput,
        error_messages={"required": "Enter the new password again"},
    )
    error_messages = {"password_mismatch": "The two passwords do not match"}
