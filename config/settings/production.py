"""Production: every secret and host comes from the environment; HTTPS is assumed at the proxy."""

from .base import *  # noqa: F403
from .base import env, env_bool

DATABASES = {"default": database_from_url(env("MASA_DATABASE_URL"))}  # noqa: F405
ALLOWED_HOSTS = env_list("MASA_ALLOWED_HOSTS")  # noqa: F405
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("MASA_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_HSTS_SECONDS = int(env("MASA_HSTS_SECONDS", "31536000"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
# Preloading commits the whole domain to HTTPS in browsers for good: the operator opts in.
SECURE_HSTS_PRELOAD = env_bool("MASA_HSTS_PRELOAD", False)
if not SECURE_HSTS_PRELOAD:
    SILENCED_SYSTEM_CHECKS = ["security.W021"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
