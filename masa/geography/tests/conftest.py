import pytest

from masa.geography.services import geography_load


@pytest.fixture
def loaded(db):
    """The shipped reference data, loaded."""
    return geography_load()
