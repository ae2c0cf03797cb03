"""Inputs to the coverage page and command: the region filter and the `at` date."""

from __future__ import annotations

import re
from datetime import date

from django import forms
from django.utils import timezone

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_at(value: str | None) -> date:
    """The reporting date written YYYY-MM-DD; today (Europe/London) when empty.

    Raises ValueError with a message written for the user."""
    if not value:
        return timezone.localdate()
    try:
        if not _ISO_DATE.fullmatch(value):
            raise ValueError
        return date.fromisoformat(value)
    except ValueError:
        raise ValueError(
            f"the date must be a real date written YYYY-MM-DD, for example 2025-04-01 "
            f"(got {value!r})"
        ) from None


class RegionFilterForm(forms.Form):
    region = forms.ChoiceField(label="Region", required=False)

    def __init__(self, *args: object, regions: list[tuple[str, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["region"].choices = [("", "All regions"), *regions]  # type: ignore[attr-defined]

    @property
    def region_code(self) -> str:
        """The chosen region's code, or "" for all (an unknown code also means all)."""
        return self.cleaned_data.get("region", "") if self.is_valid() else ""
