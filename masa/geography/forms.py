"""Inputs to the coverage page and command: the region filter and the `at` date."""

from __future__ import annotations

from datetime import date

from django import forms

from masa.core.dates import parse_iso_date


class RegionFilterForm(forms.Form):
    at = forms.CharField(
        label="Date",
        required=False,
        help_text="Coverage on this date, written YYYY-MM-DD. Leave empty for today.",
    )
    region = forms.ChoiceField(label="Region", required=False)

    def __init__(self, *args: object, regions: list[tuple[str, str]], **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["region"].choices = [("", "All regions"), *regions]  # type: ignore[attr-defined]

    def clean_at(self) -> date:
        try:
            return parse_iso_date(self.cleaned_data.get("at"))
        except ValueError as error:
            message = error.args[0].removeprefix("the date ")
            raise forms.ValidationError(f"The date {message}") from None

    @property
    def region_code(self) -> str:
        """The chosen region's code, or "" for all (an unknown code also means all)."""
        if not self.is_bound or "region" in self.errors:
            return ""
        return self.cleaned_data.get("region", "")
