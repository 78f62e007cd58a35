"""The scan path runs a small, fixed number of queries: no query per line or per unit."""

from __future__ import annotations

from playhouse.test_utils import count_queries

from receiving_app.clock import FixedClock
from receiving_app.outcomes import OutcomeCode as C
from receiving_app.receiving.desk import ReceivingDesk
from tests.core.seed import SHIRT_GTIN, UPS_TRACKING

# Measured when the budget was set: 20 queries for a parcel scan, 18 for a unit scan.
PARCEL_SCAN_BUDGET = 24
UNIT_SCAN_BUDGET = 20


def _queries(desk: ReceivingDesk, code: str) -> tuple[int, str]:
    with count_queries() as counter:
        outcome = desk.handle_scan(code)
    return counter.count, outcome.code


def test_parcel_and_unit_scans_stay_within_their_query_budget(
    logged_in: ReceivingDesk, clock: FixedClock
) -> None:
    parcel_queries, code = _queries(logged_in, UPS_TRACKING)
    assert code == C.PARCEL_RECEIVED and parcel_queries <= PARCEL_SCAN_BUDGET
    counts = []
    for _ in range(6):
        clock.advance(seconds=10)
        count, code = _queries(logged_in, SHIRT_GTIN)
        assert code in (C.UNIT_RECEIVED, C.UNIT_EXTRA)
        counts.append(count)
    assert max(counts) <= UNIT_SCAN_BUDGET
    assert counts[-1] == counts[1], f"queries grow with the units in the parcel: {counts}"
