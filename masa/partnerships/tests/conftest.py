from datetime import date

import pytest

from .factories import complete_partnership

ON = date(2025, 6, 2)


@pytest.fixture
def on() -> date:
    return ON


@pytest.fixture
def partnership(db):
    return complete_partnership(
        name="Testshire Safeguarding Children Partnership", slug="testshire"
    )
