from datetime import date

import pytest
from django import forms

from masa.core.forms import DateField


class _Form(forms.Form):
    start = DateField(label="Start date")
    end = DateField(label="End date", required=False)


@pytest.mark.parametrize(
    ("data", "error"),
    [
        ({}, "This field is required."),
        ({"start_0": "1", "start_1": "4"}, "Start date must include a year"),
        (
            {"start_0": "", "start_1": "", "start_2": "2025"},
            "Start date must include a day and month",
        ),
        ({"start_0": "31", "start_1": "2", "start_2": "2025"}, "Start date must be a real date"),
        ({"start_0": "a", "start_1": "2", "start_2": "2025"}, "Start date must be a real date"),
        ({"start_0": "1", "start_1": "2", "start_2": "25"}, "Start date must be a real date"),
        # Real dates, but no clock can run from them
        (
            {"start_0": "31", "start_1": "12", "start_2": "9999"},
            "Start date must be between 1 January 1900 and 31 December 2099",
        ),
        (
            {"start_0": "1", "start_1": "1", "start_2": "0001"},
            "Start date must be between 1 January 1900 and 31 December 2099",
        ),
    ],
)
def test_date_input_says_what_is_wrong(data, error):
    form = _Form(data)
    assert not form.is_valid()
    assert error in form.errors["start"][0]


def test_date_input_reads_day_month_year_and_allows_an_empty_optional_date():
    form = _Form({"start_0": "1", "start_1": "4", "start_2": "2025"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data == {"start": date(2025, 4, 1), "end": None}


def test_date_input_renders_the_govuk_pattern():
    html = str(_Form({"start_0": "1", "start_1": "4", "start_2": "2025"})["start"])
    assert html.count("govuk-date-input__input") == 3
    assert 'name="start_2"' in html and 'value="2025"' in html


class _Choices(forms.Form):
    one = forms.ChoiceField(choices=[("a", "A"), ("b", "B")], widget=forms.RadioSelect)
    many = forms.MultipleChoiceField(
        choices=[("a", "A"), ("b", "B")], widget=forms.CheckboxSelectMultiple
    )


def test_radios_and_checkboxes_render_as_their_own_components():
    from masa.core.templatetags.govuk import govuk_field

    form = _Choices({"one": "a", "many": ["a", "b"]})
    radios = govuk_field(form["one"])
    checkboxes = govuk_field(form["many"])
    assert 'type="radio"' in radios and "govuk-radios" in radios
    assert checkboxes.count('type="checkbox"') == 2 and "govuk-checkboxes" in checkboxes
    assert checkboxes.count("checked") == 2
