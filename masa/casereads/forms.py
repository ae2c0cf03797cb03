from __future__ import annotations

from datetime import date
from typing import Any

from django import forms

from masa.core.forms import date_field

EARLIEST, LATEST = date(2000, 1, 1), date(2100, 12, 31)


class ReadFilterForm(forms.Form):
    reader = forms.TypedChoiceField(label="Person", required=False, coerce=int, empty_value=None)
    since = date_field("From date", required=False)
    until = date_field("To date", required=False)

    def __init__(self, *args: Any, readers: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["reader"].choices = [  # type: ignore[attr-defined]
            ("", "Anyone"),
            *((user.pk, str(user)) for user in readers),
        ]

    def _in_range(self, name: str, label: str) -> date | None:
        value = self.cleaned_data.get(name)
        if value is not None and not EARLIEST <= value <= LATEST:
            raise forms.ValidationError(f"{label} must be between 2000 and 2100")
        return value

    def clean_since(self) -> date | None:
        return self._in_range("since", "From date")

    def clean_until(self) -> date | None:
        return self._in_range("until", "To date")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        since, until = data.get("since"), data.get("until")
        if since and until and until < since:
            self.add_error("until", "To date must be the same as or after the from date")
        return data
