"""gunicorn's entry point (README.md, "Production deployment"). Production settings unless
DJANGO_SETTINGS_MODULE names others; the `masa` command, by contrast, defaults to the demo settings."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.production")
application = get_wsgi_application()
