from masa.incidents.tests.conftest import (  # noqa: F401  the same partnership and people
    client_as,
    la,
    manager,
    manager_client,
    partnership,
)
