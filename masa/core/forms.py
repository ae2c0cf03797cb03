"""Form pieces shared by every app: the GOV.UK date input, a base form that shows service errors,
and the hidden version an edit form carries (ADR 0018)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django import forms
from django.http import QueryDict

from masa.core.dates import in_range, range_words
from masa.core.errors import InvalidInput, StaleRecord


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
        if isinstance(error, StaleRecord):
            self._add_stale_record(error)
            return
        for field, messages in error.field_errors.items():
            for message in messages:
                self.add_error(
                    None if field == "__all__" or field not in self.fields else field, message
                )

    def _add_stale_record(self, error: StaleRecord) -> None:
        """The headline, then each change next to its field in the form's own words; the form
        comes back at the newer version (ADR 0018)."""
        self.add_error(None, error.message)
        for change in error.changes:
            field = self.fields.get(change.field)
            label = str(field.label) if field is not None and field.label else ""
            self.add_error(
                change.field if field is not None else None, error.describe(change, label)
            )
        self.refill(error.refill)

    def refill(self, values: dict[str, object]) -> None:
        """Show `values` (model values by field name) in place of what was posted."""
        data: Any = self.data.copy()  # type: ignore[attr-defined]  # a QueryDict or a dict
        for name, value in values.items():
            if name not in self.fields:
                continue
            widget = self.fields[name].widget
            html_name = self.add_prefix(name)
            for key, posted in _widget_data(widget, html_name, value).items():
                if isinstance(data, QueryDict):
                    data.setlist(key, posted)
                else:
                    data[key] = posted if len(posted) != 1 else posted[0]
        self.data = data


def _widget_data(widget: forms.Widget, name: str, value: object) -> dict[str, list[str]]:
    """The POST data `widget` would send for `value`, so a bound form can show it."""
    if isinstance(widget, forms.MultiWidget):
        parts = widget.decompress(value) or []
        suffixes: list[str] = widget.widgets_names  # type: ignore[attr-defined]
        return {
            name + suffix: ["" if part is None else str(part)]
            for suffix, part in zip(suffixes, parts, strict=False)
        }
    if isinstance(widget, forms.CheckboxInput):
        return {name: ["on"] if value else []}
    if isinstance(value, list | tuple | set):
        return {name: [str(getattr(item, "pk", item)) for item in value]}
    if value is None:
        return {name: [""]}
    return {name: [str(getattr(value, "pk", value))]}


class VersionedForm(ServiceForm):
    """An edit form for a Versioned record: `version` is the version the form was opened at.

    Give it `initial=version_initial(record)`; its service takes `expected_version` and compares
    it with the database."""

    expected_version = forms.CharField(required=False, widget=forms.HiddenInput)
