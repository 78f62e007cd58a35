"""Customer outcomes in the database: the policy setting and proposing an outcome (no Qt).

``propose_outcome`` runs inside the caller's write transaction (the one that stores the grade)
and appends its audit record. A unit returned without an RMA gets no proposal: nobody asked for
anything, and the receiving exception already waits for a supervisor.
"""

from __future__ import annotations

import datetime
import json
from decimal import Decimal

import peewee

from db.models import CustomerOutcome, Order, OrderLine, Product, RMALine, Setting, Unit
from db.queries.inspections import rma_of_unit
from db.transactions import write_transaction
from receiving_app.audit import Actor, append_audit
from receiving_app.customer_outcome.policy import Outcome, OutcomePolicy, ReturnCase, propose
from receiving_app.customer_outcome.policy_settings import PolicyError, policy_from_data
from receiving_app.i18n import QT_TRANSLATE_NOOP
from receiving_app.inspection.store import InspectContext

POLICY_SETTING = "outcome_policy"


def current_policy() -> OutcomePolicy:
    """The dock's outcome policy: the ``outcome_policy`` setting, or the defaults.

    Raises:
        PolicyError: the stored setting is broken (it is checked when it is saved, so only a
            hand-edited database gets here).
    """
    row = Setting.get_or_none(Setting.key == POLICY_SETTING)
    return policy_from_data(json.loads(row.value)) if row is not None else OutcomePolicy()


def policy_data(policy: OutcomePolicy) -> dict[str, object]:
    """The policy in the setting's JSON form.

    Amounts are written as JSON numbers; Python writes a float's shortest exact form, so an
    amount like 199.99 reads back as exactly ``Decimal("199.99")``.
    """
    return {
        "refund_days": policy.refund_days,
        "exchange_days": policy.exchange_days,
        "auto_approve_limit": float(policy.auto_approve_limit),
        "labour": {"default": float(policy.default_labour)}
        | {category: float(cost) for category, cost in policy.labour.items()},
        "parts": {
            category: {step: float(price) for step, price in prices.items()}
            for category, prices in policy.parts.items()
        },
    }


def save_policy(
    database: peewee.Database, actor: Actor, now: datetime.datetime, text: str
) -> OutcomePolicy:
    """Check a policy given as JSON text and store it as the dock's setting, audited.

    Raises:
        PolicyError: the text is not JSON or the policy is broken; nothing is stored.
    """
    try:
        data = json.loads(text, parse_float=Decimal)
    except ValueError as exc:
        raise PolicyError(_NOT_JSON, detail=str(exc)) from None
    policy = policy_from_data(data)
    value = json.dumps(policy_data(policy), ensure_ascii=False, sort_keys=True)
    with write_transaction(database):
        row = Setting.get_or_none(Setting.key == POLICY_SETTING)
        before = {"value": row.value} if row is not None else None
        Setting.insert(key=POLICY_SETTING, value=value).on_conflict(
            conflict_target=[Setting.key], update={Setting.value: value}
        ).execute()
        append_audit(
            actor, now, "setting.changed", "setting", POLICY_SETTING, before, {"value": value}
        )
    return policy


_NOT_JSON = QT_TRANSLATE_NOOP("CustomerOutcome", "This is not valid JSON: {detail}")


def propose_outcome(
    ctx: InspectContext,
    unit: Unit,
    inspection_id: int | None,
    grade: str,
    failing_steps: tuple[str, ...],
) -> CustomerOutcome | None:
    """Propose the customer's outcome for the unit's RMA and store it, superseding an open one.

    Returns None for a unit returned without an RMA.
    """
    rma = rma_of_unit(unit)
    if rma is None:
        return None
    order = Order.get_by_id(rma.order_id)
    product = Product.get_by_id(unit.product_id)
    requested = rma.requested_outcome if rma.requested_outcome in set(Outcome) else "none"
    case = ReturnCase(
        requested=Outcome(requested),
        reason=rma.reason_code,
        delivered_on=order.delivered_on,
        decided_on=ctx.now.date(),
        warranty_months=product.warranty_months,
        category=product.category,
        amount=_paid(unit, order.id),
        grade=grade,
        failing_steps=failing_steps,
    )
    proposal = propose(current_policy(), case)
    superseded = (
        CustomerOutcome.update(state="superseded")
        .where((CustomerOutcome.unit == unit.id) & (CustomerOutcome.state == "pending"))
        .execute()
    )
    row = CustomerOutcome.create(
        unit=unit.id,
        rma=rma.id,
        inspection=inspection_id,
        requested=requested,
        outcome=proposal.outcome.value,
        state="approved" if proposal.auto_approved else "pending",
        refund_amount=proposal.refund_amount,
        repair_estimate=proposal.repair_estimate,
        claim_not_found=proposal.claim_not_found,
        notes=json.dumps([[m, dict(p)] for m, p in proposal.notes], ensure_ascii=False),
        proposed_at=ctx.now,
        decided_at=ctx.now if proposal.auto_approved else None,
    )
    append_audit(
        ctx.actor,
        ctx.now,
        "customer_outcome.proposed",
        "customer_outcome",
        row.id,
        {"superseded": superseded} if superseded else None,
        {
            "lpn": unit.lpn,
            "rma": rma.number,
            "requested": requested,
            "outcome": row.outcome,
            "state": row.state,
            "refund_amount": str(row.refund_amount),
            "repair_estimate": str(row.repair_estimate),
            "claim_not_found": row.claim_not_found,
        },
    )
    return row


def _paid(unit: Unit, order_id: int) -> Decimal:
    """What the customer paid for the unit: its order line's unit price (else the list price)."""
    line_id = None
    if unit.rma_line_id is not None:
        line_id = RMALine.get_by_id(unit.rma_line_id).order_line_id
    query = OrderLine.select().where(
        (OrderLine.id == line_id)
        if line_id is not None
        else (OrderLine.order == order_id) & (OrderLine.product == unit.product_id)
    )
    line = query.first()
    return line.unit_price if line is not None else Product.get_by_id(unit.product_id).price
