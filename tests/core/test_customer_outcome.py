"""The customer outcome policy over its edge days (7, 8, 15, 16, warranty end) and approvals."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from receiving_app.customer_outcome.policy import (
    Outcome,
    OutcomePolicy,
    ReturnCase,
    allowed_outcomes,
    propose,
    warranty_end,
)
from receiving_app.customer_outcome.policy_settings import PolicyError, policy_from_data

DELIVERED = datetime.date(2026, 1, 31)
POLICY = OutcomePolicy(
    parts={"electronics": {"screen": Decimal(80), "battery_health": Decimal(35)}},
    labour={"electronics": Decimal(25)},
)


def case(days: int, requested: Outcome = Outcome.REFUND, **overrides: Any) -> ReturnCase:
    base: dict[str, Any] = {
        "requested": requested,
        "reason": "defective",
        "delivered_on": DELIVERED,
        "decided_on": DELIVERED + datetime.timedelta(days=days),
        "warranty_months": 12,
        "category": "electronics",
        "amount": Decimal("129.90"),
        "grade": "C",
        "failing_steps": ("screen",),
    }
    return ReturnCase(**{**base, **overrides})


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        (0, (Outcome.REFUND, Outcome.EXCHANGE, Outcome.REPAIR)),
        (7, (Outcome.REFUND, Outcome.EXCHANGE, Outcome.REPAIR)),
        (8, (Outcome.EXCHANGE, Outcome.REPAIR)),
        (15, (Outcome.EXCHANGE, Outcome.REPAIR)),
        (16, (Outcome.REPAIR,)),
    ],
)
def test_the_three_guarantees_at_their_edge_days(days: int, expected: tuple[Outcome, ...]) -> None:
    assert allowed_outcomes(POLICY, case(days)) == expected


def test_the_warranty_ends_on_its_last_day() -> None:
    end = warranty_end(DELIVERED, 12)
    assert end == datetime.date(2027, 1, 31)
    last_day = (end - DELIVERED).days
    assert Outcome.REPAIR in allowed_outcomes(POLICY, case(last_day))
    assert allowed_outcomes(POLICY, case(last_day + 1)) == ()
    assert allowed_outcomes(POLICY, case(20, warranty_months=0)) == ()


def test_a_month_end_delivery_clamps_the_warranty_end() -> None:
    assert warranty_end(datetime.date(2026, 1, 31), 1) == datetime.date(2026, 2, 28)
    assert warranty_end(datetime.date(2027, 12, 31), 2) == datetime.date(2028, 2, 29)


@pytest.mark.parametrize(
    ("days", "requested", "expected"),
    [
        (7, Outcome.REFUND, Outcome.REFUND),
        (8, Outcome.REFUND, Outcome.EXCHANGE),
        (16, Outcome.REFUND, Outcome.REPAIR),
        (16, Outcome.EXCHANGE, Outcome.REPAIR),
        (3, Outcome.REPAIR, Outcome.REPAIR),
        (400, Outcome.REFUND, Outcome.NONE),
    ],
)
def test_the_request_or_the_next_best_the_policy_allows(
    days: int, requested: Outcome, expected: Outcome
) -> None:
    proposal = propose(POLICY, case(days, requested))
    assert proposal.outcome is expected
    if expected is not requested:
        assert "outside the policy" in proposal.notes[0][0]


def test_a_small_supported_refund_is_approved_at_once() -> None:
    proposal = propose(POLICY, case(5))
    assert proposal.outcome is Outcome.REFUND and proposal.auto_approved
    assert proposal.refund_amount == Decimal("129.90")
    assert not proposal.claim_not_found


def test_a_refund_above_the_limit_waits_for_a_supervisor() -> None:
    proposal = propose(POLICY, case(5, amount=Decimal("200.01")))
    assert not proposal.auto_approved
    assert "above the" in proposal.notes[-1][0]
    at_limit = propose(POLICY, case(5, amount=Decimal("200.00")))
    assert at_limit.auto_approved


def test_a_claimed_defect_the_inspection_did_not_find_is_flagged() -> None:
    proposal = propose(POLICY, case(5, grade="A", failing_steps=()))
    assert proposal.claim_not_found and not proposal.auto_approved
    assert any("found no defect" in note for note, _params in proposal.notes)


@pytest.mark.parametrize(("grade", "automatic"), [("A", True), ("B", True), ("C", False)])
def test_a_change_of_mind_refund_needs_a_sellable_unit(grade: str, automatic: bool) -> None:
    proposal = propose(POLICY, case(3, reason="no_longer_needed", grade=grade, failing_steps=()))
    assert not proposal.claim_not_found
    assert proposal.auto_approved is automatic


def test_a_repair_is_estimated_from_labour_and_the_parts_of_failing_steps() -> None:
    proposal = propose(POLICY, case(30, Outcome.REPAIR, failing_steps=("screen", "battery_health")))
    assert proposal.outcome is Outcome.REPAIR
    assert proposal.repair_estimate == Decimal("140.00")  # 25 + 80 + 35
    assert proposal.warranty_ends == datetime.date(2027, 1, 31)
    home = propose(POLICY, case(30, Outcome.REPAIR, category="home", failing_steps=("damage",)))
    assert home.repair_estimate == Decimal("20.00")  # the default labour, no parts listed


def test_without_a_delivery_date_a_supervisor_decides() -> None:
    proposal = propose(POLICY, case(3, delivered_on=None))
    assert proposal.outcome is Outcome.NONE and proposal.allowed == ()


@settings(max_examples=200, deadline=None)
@given(
    days=st.integers(-5, 900),
    requested=st.sampled_from([Outcome.REFUND, Outcome.EXCHANGE, Outcome.REPAIR]),
    months=st.integers(0, 36),
    amount=st.decimals(min_value=0, max_value=5000, places=2),
    grade=st.sampled_from("ABC"),
    reason=st.sampled_from(["defective", "size_fit", "damaged_in_transit"]),
    failing=st.booleans(),
)
def test_a_proposal_is_always_allowed_by_the_policy(
    days: int,
    requested: Outcome,
    months: int,
    amount: Decimal,
    grade: str,
    reason: str,
    failing: bool,
) -> None:
    proposal = propose(
        POLICY,
        case(
            days,
            requested,
            warranty_months=months,
            amount=amount,
            grade=grade,
            reason=reason,
            failing_steps=("screen",) if failing else (),
        ),
    )
    assert proposal.outcome is Outcome.NONE or proposal.outcome in proposal.allowed
    if proposal.auto_approved:
        assert proposal.outcome is Outcome.REFUND
        assert proposal.refund_amount <= POLICY.auto_approve_limit
        assert not proposal.claim_not_found


def test_the_policy_setting_is_read_and_checked() -> None:
    policy = policy_from_data(
        {
            "refund_days": 10,
            "exchange_days": 30,
            "auto_approve_limit": 99.5,
            "labour": {"default": 12, "home": 8},
            "parts": {"home": {"damage": 15}},
        }
    )
    assert (policy.refund_days, policy.exchange_days) == (10, 30)
    assert policy.auto_approve_limit == Decimal("99.5")
    assert policy.labour_of("home") == Decimal(8) and policy.labour_of("toys") == Decimal(12)
    assert policy_from_data({}) == OutcomePolicy()
    for broken, field in (
        ({"refund_days": -1}, "refund_days"),
        ({"refund_days": 7.5}, "refund_days"),
        ({"auto_approve_limit": -3}, "auto_approve_limit"),
        ({"labour": {"home": "cheap"}}, "labour.home"),
        ({"parts": []}, "parts"),
        ({"refunds": 7}, None),
    ):
        with pytest.raises(PolicyError) as refused:
            policy_from_data(broken)
        assert refused.value.params.get("field") == (field or "refunds")
