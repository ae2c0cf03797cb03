"""`masa api token create SLUG --name NAME`: a token for a local authority's case system.

Prints the key once on stdout; only its SHA-256 hash is stored."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from masa.api.services import api_token_create
from masa.core.errors import MasaError
from masa.partnerships.models import Partnership


class Command(BaseCommand):
    help = "Manage API tokens: `token create SLUG --name NAME` prints a new key once."

    def add_arguments(self, parser: CommandParser) -> None:
        things = parser.add_subparsers(dest="thing", required=True, metavar="{token}")
        token = things.add_parser("token", help="API tokens")
        actions = token.add_subparsers(dest="action", required=True, metavar="{create}")
        create = actions.add_parser("create", help="create a token and print its key")
        create.add_argument("slug", metavar="SLUG")
        create.add_argument("--name", required=True, metavar="NAME")

    def handle(self, *args: Any, **options: Any) -> None:
        partnership = Partnership.objects.filter(slug=options["slug"]).first()
        if partnership is None:
            raise CommandError(f"No partnership has the slug {options['slug']}")
        try:
            token, key = api_token_create(partnership=partnership, name=options["name"], by=None)
        except MasaError as error:
            raise CommandError(error.message) from error
        self.stderr.write(f"Created {token} for {partnership}. The key is shown only this once:")
        self.stdout.write(key)
