from django.urls import path

from .views import oidc, password_reset, sign_in, sign_in_log, two_factor

app_name = "accounts"

urlpatterns = [
    path("sign-in/", sign_in.SignInView.as_view(), name="sign-in"),
    path("sign-out/", sign_in.SignOutView.as_view(), name="sign-out"),
    path("signed-out/", sign_in.signed_out, name="signed-out"),
    path("sign-in/microsoft/", oidc.start, name="oidc-start"),
    path("sign-in/microsoft/callback/", oidc.callback, name="oidc-callback"),
    path("two-factor/", two_factor.account, name="two-factor"),
    path("two-factor/set-up/", two_factor.set_up, name="two-factor-set-up"),
    path("two-factor/verify/", two_factor.verify, name="two-factor-verify"),
    path("two-factor/backup-codes/", two_factor.backup_codes, name="two-factor-backup-codes"),
    path(
        "two-factor/backup-codes/new/",
        two_factor.backup_codes_create,
        name="two-factor-backup-codes-create",
    ),
    path(
        "password-reset/",
        password_reset.PasswordResetRequestView.as_view(),
        name="password-reset",
    ),
    path(
        "password-reset/sent/",
        password_reset.PasswordResetSentView.as_view(),
        name="password-reset-sent",
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        password_reset.PasswordResetConfirmView.as_view(),
        name="password-reset-confirm",
    ),
    path(
        "password-reset/done/",
        password_reset.PasswordResetDoneView.as_view(),
        name="password-reset-done",
    ),
    path("sign-in-log/", sign_in_log.sign_in_log, name="sign-in-log"),
]
