from masa.incidents.tests.conftest import (  # noqa: F401  (shared fixtures)
    client_as,
    la,
    manager,
    manager_client,
    partnership,
)
