"""What every benchmark measures the same way: server time of a page over N runs and its SQL queries."""

from __future__ import annotations

import time


def measure(client, url: str, runs: int, *, row: bytes) -> tuple[list[float], int, int]:
    """Server times in ms for `runs` requests, the page's query count, and how many table rows start
    with `row` (so a benchmark can show how much the page held)."""
    from django.db import connection

    response = client.get(url)  # warm: templates compiled, library loaded
    assert response.status_code == 200, response.status_code
    queries: list[str] = []

    def count(execute, sql, params, many, context):  # type: ignore[no-untyped-def]
        queries.append(sql)
        return execute(sql, params, many, context)

    # An execute wrapper, not CaptureQueriesContext: the test client's request_started signal
    # clears the debug query log mid-capture.
    with connection.execute_wrapper(count):
        rows = client.get(url).content.count(row)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200
    return times, len(queries), rows
