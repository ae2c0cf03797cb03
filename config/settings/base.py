"""Settings shared by every environment. Environment variables are read here and only here.

`env("NAME")` without a default is required: a missing value stops the process at start with a
message naming the variable (STYLE.md habit 13).
"""

from __future__ import annotations

import os
from pathlib import Path

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
    "django.contrib.admin",
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
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
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
