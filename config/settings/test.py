"""Test settings: in-memory SQLite unless MASA_TEST_DATABASE_URL points at PostgreSQL."""

import os
import tempfile

os.environ.setdefault("MASA_SECRET_KEY", "test-only-key")
os.environ.setdefault("MASA_DATA_DIR", tempfile.mkdtemp(prefix="masa-test-"))
# Off unless asked for, so page tests sign in with force_login; the sign-in tests switch it on.
os.environ.setdefault("MASA_TWO_FACTOR_REQUIRED", "0")

from .base import *  # noqa: F403
from .base import database_from_url

if os.environ.get("MASA_TEST_DATABASE_URL"):
    DATABASES = {"default": database_from_url(os.environ["MASA_TEST_DATABASE_URL"])}
else:
    DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
WHITENOISE_AUTOREFRESH = True
WHITENOISE_USE_FINDERS = True
