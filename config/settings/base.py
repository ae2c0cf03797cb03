"""Settings shared by every environment. Environment variables are read here and only here.

`env("NAME")` without a default is required: a missing value stops the process at start with a
message naming the variable (STYLE.md habit 13).
"""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

from csp.constants import NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent

_REQUIRED = object()


def env(name: str, default: object = _REQUIRED) -> str:
    value = os.environ.get(name)
    if value is None or value == "":
        if default is _REQUIRED:
            raise ImproperlyConfigured(f"Set the environment variable {name} (see README.md).")
        return str(default)
    return value


def env_bool(name: str, default: bool) -> bool:
    return env(name, "1" if default else "0").lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: str = "") -> list[str]:
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


def database_from_url(url: str) -> dict[str, object]:
    """`sqlite:///path/to/db.sqlite3` or `postgres://user:pass@host:port/name`."""
    from urllib.parse import unquote, urlparse

    parsed = urlparse(url)
    if parsed.scheme == "sqlite":
        # sqlite:///relative/path or sqlite:////absolute/path, as SQLAlchemy and dj-database-url read them
        path = unquote(url[len("sqlite:///") :])
        return {
            "ENGINE": "django.db.backends.sqlite3",
            "NAME": path,
            "OPTIONS": {
                "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
                "transaction_mode": "IMMEDIATE",
                "timeout": 20,
            },
        }
    if parsed.scheme in {"postgres", "postgresql"}:
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parsed.path.lstrip("/")),
            "USER": unquote(parsed.username or ""),
            "PASSWORD": unquote(parsed.password or ""),
            "HOST": parsed.hostname or "",
            "PORT": str(parsed.port or ""),
            "CONN_MAX_AGE": 60,
            "CONN_HEALTH_CHECKS": True,
        }
    raise ImproperlyConfigured(
        f"MASA_DATABASE_URL must start with sqlite:/// or postgres://, not {parsed.scheme}://"
    )


DATA_DIR = Path(env("MASA_DATA_DIR", str(BASE_DIR / "var")))

SECRET_KEY = env("MASA_SECRET_KEY")
DEBUG = env_bool("MASA_DEBUG", False)
ALLOWED_HOSTS = env_list("MASA_ALLOWED_HOSTS", "127.0.0.1,localhost")
CSRF_TRUSTED_ORIGINS = env_list("MASA_CSRF_TRUSTED_ORIGINS", "")

INSTALLED_APPS = [
    # The admin's default site asks operators for their second factor (masa.accounts.admin_site).
    "masa.accounts.admin_apps.MasaAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.forms",
    "rules.apps.AutodiscoverRulesConfig",
    "simple_history",
    "rest_framework",
    "drf_spectacular",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "masa.core",
    "masa.accounts",
    "masa.timeline",
    "masa.statute",
    "masa.geography",
    "masa.partnerships",
    "masa.compliance",
    "masa.clocks",
    "masa.incidents",
    "masa.reviews",
    "masa.actions",
    "masa.documents",
    "masa.api",
    "masa.casereads",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "masa.core.middleware.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "masa.accounts.middleware.TwoFactorMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a lockout during sign-in into the "locked out" page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "masa" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "masa.core.context_processors.service",
                "masa.accounts.context_processors.sign_in",
            ],
        },
    },
]

# Widgets render through TEMPLATES, so the GOV.UK date input template in masa/templates is found.
FORM_RENDERER = "django.forms.renderers.TemplatesSetting"

DATABASES = {
    "default": database_from_url(env("MASA_DATABASE_URL", f"sqlite:///{DATA_DIR / 'masa.sqlite3'}"))
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    # First, so a locked-out user or address is refused before any password is checked.
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:sign-in"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "accounts:signed-out"
PASSWORD_RESET_TIMEOUT = 60 * 60 * 3

# Sign-in protection (docs/adr/0016-sign-in-protection.md). The load balancer's address is the
# client's only when MASA_PROXY_COUNT says how many proxies append to X-Forwarded-For.
MASA_PROXY_COUNT = int(env("MASA_PROXY_COUNT", "0"))
AXES_CLIENT_IP_CALLABLE = "masa.accounts.addresses.client_ip"
AXES_FAILURE_LIMIT = int(env("MASA_SIGN_IN_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = timedelta(minutes=int(env("MASA_SIGN_IN_COOLOFF_MINUTES", "15")))
# Either the username or the address alone is enough to lock out: a guessed password from many
# addresses, or many usernames from one address.
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "masa.accounts.views.sign_in.locked_out"
AXES_VERBOSE = False

# Two-factor sign-in: required for operators and for every role that reads case records.
MASA_TWO_FACTOR_REQUIRED = env_bool("MASA_TWO_FACTOR_REQUIRED", True)
OTP_TOTP_ISSUER = "MASA"
# Shown in the demonstration's pages when two-factor sign-in is switched off there.
MASA_DEMONSTRATION = False

# Single sign-on with Microsoft Entra ID (OpenID Connect), on when MASA_OIDC_CLIENT_ID is set.
MASA_OIDC_CLIENT_ID = env("MASA_OIDC_CLIENT_ID", "")
# Whether signing in through Entra counts as the second factor: only when the tenant's
# conditional access policy demands multi-factor authentication for MASA.
MASA_OIDC_SATISFIES_TWO_FACTOR = env_bool("MASA_OIDC_SATISFIES_TWO_FACTOR", False)
MASA_OIDC_ISSUER = ""
if MASA_OIDC_CLIENT_ID:
    _tenant = env("MASA_OIDC_TENANT_ID", "")
    _entra = f"https://login.microsoftonline.com/{_tenant}"

    def _endpoint(name: str, path: str) -> str:
        return env(name, f"{_entra}{path}" if _tenant else _REQUIRED)

    OIDC_RP_CLIENT_ID = MASA_OIDC_CLIENT_ID
    OIDC_RP_CLIENT_SECRET = env("MASA_OIDC_CLIENT_SECRET")
    OIDC_OP_AUTHORIZATION_ENDPOINT = _endpoint(
        "MASA_OIDC_AUTHORIZATION_ENDPOINT", "/oauth2/v2.0/authorize"
    )
    OIDC_OP_TOKEN_ENDPOINT = _endpoint("MASA_OIDC_TOKEN_ENDPOINT", "/oauth2/v2.0/token")
    OIDC_OP_JWKS_ENDPOINT = _endpoint("MASA_OIDC_JWKS_ENDPOINT", "/discovery/v2.0/keys")
    OIDC_OP_USER_ENDPOINT = env(
        "MASA_OIDC_USERINFO_ENDPOINT",
        "https://graph.microsoft.com/oidc/userinfo" if _tenant else _REQUIRED,
    )
    MASA_OIDC_ISSUER = env("MASA_OIDC_ISSUER", f"{_entra}/v2.0" if _tenant else "")
    AUTHENTICATION_BACKENDS.append("masa.accounts.oidc.MasaOIDCBackend")
OIDC_RP_SIGN_ALGO = "RS256"
OIDC_RP_SCOPES = "openid email profile"
OIDC_CREATE_USER = False  # operators grant membership; nobody joins by signing in
OIDC_USE_PKCE = True
OIDC_TIMEOUT = 10
OIDC_AUTHENTICATION_CALLBACK_URL = "accounts:oidc-callback"
LOGIN_REDIRECT_URL_FAILURE = "/account/sign-in/"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = False
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = DATA_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "masa" / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

# Uploaded files (reviewers' draft and final reports) live outside the static files and are never
# served from a public URL: only views that check access read them.
MEDIA_ROOT = DATA_DIR / "uploads"
MASA_UPLOAD_MAX_MB = int(env("MASA_UPLOAD_MAX_MB", "20"))

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 60 * 60 * 8
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# Content-Security-Policy (django-csp, ADR 0019): everything comes from MASA itself, no script or
# style is inline (templates load static files; charts use SVG presentation attributes), no plugins,
# no framing, forms post only back to MASA.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "frame-src": [NONE],
        "frame-ancestors": [NONE],
        "form-action": [SELF],
    }
}
# Browser features MASA never uses, switched off for every page (masa.core.middleware).
MASA_PERMISSIONS_POLICY = {
    feature: ()
    for feature in (
        "accelerometer",
        "autoplay",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "interest-cohort",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}

EMAIL_BACKEND = env("MASA_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env("MASA_FROM_EMAIL", "masa@localhost")
# GOV.UK Notify, used when MASA_EMAIL_BACKEND=masa.clocks.notify.NotifyEmailBackend
MASA_NOTIFY_API_KEY = env("MASA_NOTIFY_API_KEY", "")
MASA_NOTIFY_TEMPLATE_ID = env("MASA_NOTIFY_TEMPLATE_ID", "")

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
}
SPECTACULAR_SETTINGS = {
    "TITLE": "MASA API",
    "DESCRIPTION": "Multi-agency safeguarding arrangements",
    "VERSION": "0.1.0",
}

MASA_SERVICE_NAME = "MASA"
# Where the `masa demo` and geography loaders find the reference data shipped with the project.
MASA_GEO_DIR = BASE_DIR / "masa" / "geography" / "data"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("MASA_LOG_LEVEL", "WARNING")},
}
