"""The pure decision of how an arriving unit matches what was authorised (no database, no Qt)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum


class Match(StrEnum):
    """How a received unit relates to its parcel's RMA and order (stored on the unit)."""

    MATCHED = "matched"
    EXTRA = "extra"
    SERIAL_MISMATCH = "serial_mismatch"
    WRONG_ITEM = "wrong_item"
    NOT_ON_ORDER = "not_on_order"
    NO_RMA = "no_rma"


@dataclass(frozen=True)
class ExpectedLine:
    """One RMA line as the decision needs it."""

    rma_line_id: int
    order_line_id: int
    product_id: int
    expected: int
    received: int


@dataclass(frozen=True)
class MatchDecision:
    match: Match
    rma_line_id: int | None


def decide_match(
    product_id: int,
    serial: str | None,
    rma_lines: Sequence[ExpectedLine],
    order_product_ids: frozenset[int],
    sold_serials: Mapping[int, set[str]],
    has_rma: bool,
) -> MatchDecision:
    """Decide how a unit of ``product_id`` (with ``serial``, if any) matches.

    The first RMA line of the product that still waits for units takes it. A serial that was not
    sold on that order line is a possible swap; lines sold without recorded serials can't tell.
    When every line of the product is complete the unit is an extra quantity.
    """
    if not has_rma:
        if order_product_ids and product_id not in order_product_ids:
            return MatchDecision(Match.NOT_ON_ORDER, None)
        return MatchDecision(Match.NO_RMA, None)
    lines = [line for line in rma_lines if line.product_id == product_id]
    if not lines:
        if product_id in order_product_ids:
            return MatchDecision(Match.WRONG_ITEM, None)
        return MatchDecision(Match.NOT_ON_ORDER, None)
    waiting = [line for line in lines if line.received < line.expected]
    if not waiting:
        return MatchDecision(Match.EXTRA, lines[0].rma_line_id)
    line = _line_for_serial(waiting, serial, sold_serials) or waiting[0]
    sold = sold_serials.get(line.order_line_id, set())
    if serial is not None and sold and serial not in sold:
        return MatchDecision(Match.SERIAL_MISMATCH, line.rma_line_id)
    return MatchDecision(Match.MATCHED, line.rma_line_id)


def _line_for_serial(
    lines: Sequence[ExpectedLine], serial: str | None, sold_serials: Mapping[int, set[str]]
) -> ExpectedLine | None:
    """The waiting line whose sold serials include ``serial``, so two lines never get mixed up."""
    if serial is None:
        return None
    for line in lines:
        if serial in sold_serials.get(line.order_line_id, set()):
            return line
    return None
