"""The one reading of typed dates (`?at=`, `--at`, `--today`, `--from`)."""

from datetime import date

import pytest
from django.utils import timezone

from masa.core.dates import parse_iso_date


def test_an_iso_date_in_range_and_today_when_empty():
    assert parse_iso_date("2025-04-01") == date(2025, 4, 1)
    assert parse_iso_date("") == parse_iso_date(None) == timezone.localdate()
    assert parse_iso_date("1900-01-01") == date(1900, 1, 1)
    assert parse_iso_date("2099-12-31") == date(2099, 12, 31)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("0001-01-01", "between 1 January 1900 and 31 December 2099"),
        ("9999-12-31", "between 1 January 1900 and 31 December 2099"),
        ("1899-12-31", "between 1 January 1900 and 31 December 2099"),
        ("2100-01-01", "between 1 January 1900 and 31 December 2099"),
        ("2025-02-30", "a real date written YYYY-MM-DD"),
        ("2025-4-1", "a real date written YYYY-MM-DD"),
        ("99999-01-01", "a real date written YYYY-MM-DD"),
        ("\x00", "a real date written YYYY-MM-DD"),
        ("x" * 10_000, "a real date written YYYY-MM-DD"),
    ],
)
def test_anything_else_is_a_message_for_the_person(text, message):
    with pytest.raises(ValueError, match=message) as error:
        parse_iso_date(text)
    assert str(error.value).startswith("the date must be ")
    assert len(str(error.value)) < 200
