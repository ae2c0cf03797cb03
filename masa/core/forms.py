"""Form pieces shared by every app: the GOV.UK date input and a base form that shows service errors."""

from __future__ import annotations

from datetime import date

from django import forms

from masa.core.dates import in_range, range_words
from masa.core.errors import InvalidInput


class DateInputWidget(forms.MultiWidget):
    """Three boxes (day, month, year): the GOV.UK date input pattern."""

    template_name = "components/fields/date_widget.html"

    def __init__(self) -> None:
        super().__init__([forms.TextInput(), forms.TextInput(), forms.TextInput()])

    def decompress(self, value: date | None) -> list[object]:
        if value:
            return [value.day, value.month, value.year]
        return [None, None, None]


class DateField(forms.MultiValueField):
    """A date typed as day, month and year, with GOV.UK error messages."""

    widget = DateInputWidget

    def __init__(self, **kwargs: object) -> None:
        # Parts are optional one by one so that `compress` can say which part is missing.
        fields = (
            forms.CharField(required=False),
            forms.CharField(required=False),
            forms.CharField(required=False),
        )
        super().__init__(fields=fields, require_all_fields=False, **kwargs)  # type: ignore[arg-type]

    def compress(self, data_list: list[str]) -> date | None:
        if not data_list or not any(data_list):
            return None
        day, month, year = (str(part or "").strip() for part in data_list)
        label = str(self.label or "The date").lower()
        missing = [
            name for name, part in (("day", day), ("month", month), ("year", year)) if not part
        ]
        if missing:
            raise forms.ValidationError(
                f"{label.capitalize()} must include a {' and '.join(missing)}"
            )
        if not (day.isdigit() and month.isdigit() and year.isdigit()) or len(year) != 4:
            raise forms.ValidationError(f"{label.capitalize()} must be a real date, like 27 3 2025")
        try:
            value = date(int(year), int(month), int(day))
        except ValueError as error:
            raise forms.ValidationError(
                f"{label.capitalize()} must be a real date, like 27 3 2025"
            ) from error
        if not in_range(value):
            raise forms.ValidationError(f"{label.capitalize()} must be {range_words()}")
        return value


DATE_HINT = "For example, 27 3 2025"


def date_field(label: str, *, required: bool = True, hint: str = DATE_HINT) -> DateField:
    """A GOV.UK date input whose messages name the field ("Enter the publication date")."""
    return DateField(
        label=label,
        required=required,
        help_text=hint,
        error_messages={
            "required": f"Enter the {label.lower()}",
            "incomplete": f"{label} must include a day, month and year",
        },
    )


class ServiceForm(forms.Form):
    """A form whose view calls a service: `add_service_error` turns an InvalidInput into field errors."""

    def add_service_error(self, error: InvalidInput) -> None:
        for field, messages in error.field_errors.items():
            for message in messages:
                self.add_error(
                    None if field == "__all__" or field not in self.fields else field, message
                )
