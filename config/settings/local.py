"""Settings for `masa demo` and local development: embedded SQLite under ./var, a local key.

Everything can still be overridden with the same MASA_* variables as production.
"""

import os

os.environ.setdefault("MASA_SECRET_KEY", "local-only-not-secret-masa-demo-key-0123456789abcdef")
# Demo users sign in with a password alone unless MASA_TWO_FACTOR_REQUIRED=1; the pages say so.
os.environ.setdefault("MASA_TWO_FACTOR_REQUIRED", "0")

from .base import *  # noqa: F403
from .base import DATA_DIR

DATA_DIR.mkdir(parents=True, exist_ok=True)
MASA_DEMONSTRATION = True

# Serve static files straight from the app folders: no collectstatic step for the demo.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
