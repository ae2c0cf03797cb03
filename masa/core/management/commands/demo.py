"""`masa demo [--port N] [--no-serve]`: migrate the embedded SQLite database, load the statute library,
geography and demo data, create one demo user per role, say how to sign in, and serve on 127.0.0.1."""

from __future__ import annotations

from importlib import import_module

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

# Each demo loader, in dependency order: (module, function, what it loads).
LOADERS = (
    ("masa.statute.services", "statute_sync", "statute library"),
    ("masa.geography.services", "geography_load", "geography of England"),
    ("masa.partnerships.demo", "demo_load", "partnerships"),
    ("masa.compliance.demo", "demo_load", "compliance assessments"),
    ("masa.incidents.demo", "demo_load", "serious incident notifications"),
    ("masa.reviews.demo", "demo_load", "rapid and practice reviews"),
    ("masa.actions.demo", "demo_load", "recommendations and actions"),
    ("masa.documents.demo", "demo_load", "published arrangements and yearly reports"),
)


class Command(BaseCommand):
    help = "Set up the demo database and serve MASA on 127.0.0.1."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--port", type=int, default=8000, help="port to serve on (default 8000)"
        )
        parser.add_argument("--no-serve", action="store_true", help="load everything, then exit")

    def handle(self, *args: object, port: int, no_serve: bool, **options: object) -> None:
        database = settings.DATABASES["default"]
        self.stdout.write(f"Database: {database['NAME']}")
        call_command("migrate", interactive=False, verbosity=0)
        for module, function, label in LOADERS:
            result = getattr(import_module(module), function)()
            self.stdout.write(f"Loaded {label}: {result}")

        from masa.accounts.demo import DEMO_PASSWORD, demo_users_create

        users = demo_users_create()
        from masa.reviews.demo import demo_reviewer_appoint

        self.stdout.write(f"Demo reviewer: {demo_reviewer_appoint()}")
        url = f"http://127.0.0.1:{port}/"
        self.stdout.write(self.style.SUCCESS(f"\nMASA demo is ready at {url}"))
        self.stdout.write(f"Sign in at {url}account/sign-in/ with password '{DEMO_PASSWORD}' as:")
        for username, role in users:
            self.stdout.write(f"  {username:<20} {role}")
        self.stdout.write("Demo partnerships: northshire (fictional), north-lincolnshire, bhr")
        if settings.MASA_TWO_FACTOR_REQUIRED:
            self.stdout.write(
                "Two-factor sign-in is on: case roles and the operator set up an authenticator "
                "app at their first sign-in.\n"
            )
        else:
            self.stdout.write(
                "Two-factor sign-in is off in this demonstration (MASA_TWO_FACTOR_REQUIRED=0).\n"
            )
        if no_serve:
            return
        call_command("runserver", f"127.0.0.1:{port}", use_reloader=False, use_threading=True)
