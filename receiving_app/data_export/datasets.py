"""The three exported datasets: their columns (a contract) and their rows, streamed (no Qt).

Each dataset covers the whole local days of a :class:`ReportPeriod`, filtered on one timestamp:

- ``units``: every unit **received** in the period (``Unit.received_at``), as it stands now;
- ``dispositions``: every routing decision **decided** in the period
  (``UnitDisposition.decided_at``), superseded ones included;
- ``outcomes``: every customer-outcome proposal **proposed** in the period
  (``CustomerOutcome.proposed_at``), whatever its state.

Rows come in the order of that timestamp (then the row's id), read in chunks of
:data:`CHUNK_ROWS` with keyset paging: memory stays flat however long the period, on SQLite and
on PostgreSQL alike (psycopg2's ordinary cursor would fetch a whole result at once).

Personal data (the customer's name, their reference in the sales channel, and the customer's own
words on the RMA, free text that may name them) is in :data:`PERSONAL_COLUMNS`, appended after
the dataset's :data:`COLUMNS` only when asked for; the gate is in :mod:`.export`.
"""

from __future__ import annotations

import datetime
import json
from collections.abc import Callable, Iterator
from decimal import Decimal
from enum import StrEnum
from typing import Any, TypeVar

from peewee import JOIN, Field, Model, ModelSelect, fn

from db.models import (
    RMA,
    Channel,
    Customer,
    CustomerOutcome,
    Order,
    Parcel,
    Product,
    RMALine,
    RoutingRulesVersion,
    Station,
    Unit,
    UnitDisposition,
    User,
    Vendor,
)
from receiving_app.reports.period import ReportPeriod

#: Rows read from the database per query.
CHUNK_ROWS = 1000

#: A cell's value as the writers get it: text, a number, a yes/no, a local time, or nothing.
Value = str | int | Decimal | bool | datetime.datetime | None
Row = tuple[Value, ...]

_CENT = Decimal("0.01")
M = TypeVar("M", bound=Model)


class Dataset(StrEnum):
    UNITS = "units"
    DISPOSITIONS = "dispositions"
    OUTCOMES = "outcomes"


#: Each dataset's columns, in order. Renaming or reordering one breaks the users' sheets.
COLUMNS: dict[Dataset, tuple[str, ...]] = {
    Dataset.UNITS: (
        "lpn",
        "received_at",
        "tracking_number",
        "carrier",
        "rma",
        "order",
        "channel",
        "sku",
        "product",
        "vendor",
        "serial",
        "match",
        "state",
        "grade",
        "disposition",
        "location",
        "received_by",
        "station",
        "moved_at",
    ),
    Dataset.DISPOSITIONS: (
        "lpn",
        "decided_at",
        "route",
        "location",
        "rule",
        "override_reason",
        "decided_by",
        "recovery",
        "rules_version",
    ),
    Dataset.OUTCOMES: (
        "lpn",
        "rma",
        "order",
        "requested",
        "outcome",
        "state",
        "refund_amount",
        "repair_estimate",
        "claim_not_found",
        "proposed_at",
        "decided_by",
        "decided_at",
        "note",
        "exported_at",
    ),
}

#: The personal-data columns, appended after :data:`COLUMNS` only on request.
PERSONAL_COLUMNS: dict[Dataset, tuple[str, ...]] = {
    Dataset.UNITS: ("customer_name", "customer_ref", "customer_words"),
    Dataset.DISPOSITIONS: (),
    Dataset.OUTCOMES: ("customer_name", "customer_ref", "customer_words"),
}

_LINE_RMA = RMA.alias("line_rma")
_PARCEL_RMA = RMA.alias("parcel_rma")
_RECEIVER = User.alias("receiver")
_DECIDER = User.alias("decider")


def columns(dataset: Dataset, include_personal: bool) -> tuple[str, ...]:
    """The header of ``dataset``'s file."""
    return COLUMNS[dataset] + (PERSONAL_COLUMNS[dataset] if include_personal else ())


def dataset_rows(dataset: Dataset, period: ReportPeriod, include_personal: bool) -> Iterator[Row]:
    """The rows of ``dataset`` in ``period`` (cells in :func:`columns` order), streamed.

    Run it inside ``storage_errors()`` with the database bound and connected.
    """
    return _ROWS[dataset](period, include_personal)


def _units(period: ReportPeriod, include_personal: bool) -> Iterator[Row]:
    personal = (
        (
            Customer.display_name,
            Customer.external_ref,
            fn.COALESCE(_LINE_RMA.customer_words, _PARCEL_RMA.customer_words),
        )
        if include_personal
        else ()
    )
    query = (
        Unit.select(
            Unit.received_at,
            Unit.id,
            Unit.lpn,
            Unit.received_at,
            Parcel.tracking_number,
            Parcel.carrier,
            fn.COALESCE(_LINE_RMA.number, _PARCEL_RMA.number),
            Order.number,
            Channel.code,
            Product.sku,
            Product.name,
            Vendor.name,
            Unit.serial,
            Unit.match,
            Unit.state,
            Unit.grade,
            Unit.disposition,
            Unit.location,
            _RECEIVER.name,
            Station.code,
            Unit.moved_at,
            *personal,
        )
        .join(Parcel, on=Unit.parcel == Parcel.id)
        .join(_PARCEL_RMA, JOIN.LEFT_OUTER, on=Parcel.rma == _PARCEL_RMA.id)
        .switch(Unit)
        .join(RMALine, JOIN.LEFT_OUTER, on=Unit.rma_line == RMALine.id)
        .join(_LINE_RMA, JOIN.LEFT_OUTER, on=RMALine.rma == _LINE_RMA.id)
        .join(
            Order,
            JOIN.LEFT_OUTER,
            on=Order.id == fn.COALESCE(_LINE_RMA.order, _PARCEL_RMA.order, Parcel.order),
        )
        .join(Channel, JOIN.LEFT_OUTER, on=Order.channel == Channel.id)
        .switch(Order)
        .join(Customer, JOIN.LEFT_OUTER, on=Order.customer == Customer.id)
        .switch(Unit)
        .join(Product, on=Unit.product == Product.id)
        .join(Vendor, JOIN.LEFT_OUTER, on=Product.vendor == Vendor.id)
        .switch(Unit)
        .join(_RECEIVER, on=Unit.received_by == _RECEIVER.id)
        .switch(Unit)
        .join(Station, on=Unit.station == Station.id)
        .where((Unit.received_at >= period.begins_at) & (Unit.received_at < period.ends_before))
    )
    return _stream(query, Unit.received_at, Unit.id)


def _dispositions(period: ReportPeriod, include_personal: bool) -> Iterator[Row]:
    # No personal data: ``include_personal`` adds no column here.
    query = (
        UnitDisposition.select(
            UnitDisposition.decided_at,
            UnitDisposition.id,
            Unit.lpn,
            UnitDisposition.decided_at,
            UnitDisposition.route,
            UnitDisposition.location,
            UnitDisposition.rule_id,
            UnitDisposition.override_reason,
            _DECIDER.name,
            UnitDisposition.recoveries,
            RoutingRulesVersion.version,
        )
        .join(Unit, on=UnitDisposition.unit == Unit.id)
        .switch(UnitDisposition)
        .join(_DECIDER, on=UnitDisposition.decided_by == _DECIDER.id)
        .switch(UnitDisposition)
        .join(RoutingRulesVersion, on=UnitDisposition.rules_version == RoutingRulesVersion.id)
        .where(
            (UnitDisposition.decided_at >= period.begins_at)
            & (UnitDisposition.decided_at < period.ends_before)
        )
    )
    for lpn, decided_at, route, location, rule, override, decider, recoveries, version in _stream(
        query, UnitDisposition.decided_at, UnitDisposition.id
    ):
        recovery = json.loads(str(recoveries)).get(route)
        yield (
            lpn,
            decided_at,
            route,
            location,
            rule,
            override,
            decider,
            None if recovery is None else Decimal(recovery).quantize(_CENT),
            version,
        )


def _outcomes(period: ReportPeriod, include_personal: bool) -> Iterator[Row]:
    personal = (
        (Customer.display_name, Customer.external_ref, RMA.customer_words)
        if include_personal
        else ()
    )
    query = (
        CustomerOutcome.select(
            CustomerOutcome.proposed_at,
            CustomerOutcome.id,
            Unit.lpn,
            RMA.number,
            Order.number,
            CustomerOutcome.requested,
            CustomerOutcome.outcome,
            CustomerOutcome.state,
            CustomerOutcome.refund_amount,
            CustomerOutcome.repair_estimate,
            CustomerOutcome.claim_not_found,
            CustomerOutcome.proposed_at,
            _DECIDER.name,
            CustomerOutcome.decided_at,
            CustomerOutcome.decision_note,
            CustomerOutcome.exported_at,
            *personal,
        )
        .join(Unit, on=CustomerOutcome.unit == Unit.id)
        .switch(CustomerOutcome)
        .join(RMA, JOIN.LEFT_OUTER, on=CustomerOutcome.rma == RMA.id)
        .join(Order, JOIN.LEFT_OUTER, on=RMA.order == Order.id)
        .join(Customer, JOIN.LEFT_OUTER, on=Order.customer == Customer.id)
        .switch(CustomerOutcome)
        .join(_DECIDER, JOIN.LEFT_OUTER, on=CustomerOutcome.decided_by == _DECIDER.id)
        .where(
            (CustomerOutcome.proposed_at >= period.begins_at)
            & (CustomerOutcome.proposed_at < period.ends_before)
        )
    )
    for row in _stream(query, CustomerOutcome.proposed_at, CustomerOutcome.id):
        refund, repair, claim_not_found = row[6], row[7], row[8]
        yield (
            *row[:6],
            Decimal(str(refund)).quantize(_CENT),
            Decimal(str(repair)).quantize(_CENT),
            bool(claim_not_found),
            *row[9:],
        )


def _stream(query: ModelSelect[M], at: Field, key: Field) -> Iterator[tuple[Any, ...]]:
    """The rows of ``query`` ordered by ``(at, key)``, which it selects first (and are dropped).

    Each chunk is a query of its own that starts after the last row of the one before (keyset
    paging), read with ``.iterator()`` so that peewee keeps no rows either.
    """
    last: tuple[Any, Any] | None = None
    while True:
        page = query.order_by(at, key).limit(CHUNK_ROWS)
        if last is not None:
            page = page.where((at > last[0]) | ((at == last[0]) & (key > last[1])))
        count = 0
        for row in page.tuples().iterator():
            count += 1
            last = (row[0], row[1])
            yield row[2:]
        if count < CHUNK_ROWS:
            return


_ROWS: dict[Dataset, Callable[[ReportPeriod, bool], Iterator[Row]]] = {
    Dataset.UNITS: _units,
    Dataset.DISPOSITIONS: _dispositions,
    Dataset.OUTCOMES: _outcomes,
}

__all__ = [
    "CHUNK_ROWS",
    "COLUMNS",
    "PERSONAL_COLUMNS",
    "Dataset",
    "Row",
    "Value",
    "columns",
    "dataset_rows",
]
