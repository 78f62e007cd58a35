"""A training scan sheet from the demo data: the barcodes a new dock worker practises with (no Qt).

``build_scan_sheet`` picks a few open RMAs (one order with two of them, a serialised product,
a plain one) and lists, section by section, what a receiving session scans: a badge, the
parcel's tracking number or its RMA or order number, the units in it, and a wrong item.
``sheet_json`` gives the same list to test tools; ``write_scan_sheet_pdf`` prints it.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from db.models import RMA, Order, OrderLine, Product, ProductGTIN, RMALine, SoldSerial, User
from labels.scan_sheet import SheetEntry, render_scan_sheet_pdf
from receiving_app.i18n import QT_TRANSLATE_NOOP, TranslateFn, identity_translate
from receiving_app.scanning.carriers import default_courier_table
from receiving_app.scanning.interpret import DEFAULT_PREFIXES, IdPrefixes

if TYPE_CHECKING:
    from peewee import Database

SHEET_KINDS = ("badge", "tracking", "rma", "order", "unit", "wrong_item")
"""The sections of the sheet, in print order; ``SheetCode.kind`` is one of these."""
RMA_KINDS = frozenset({"tracking", "unit", "wrong_item"})
"""Kinds whose code belongs to one RMA: ``SheetCode.rma`` names it."""

_CONTEXT = "ScanSheet"
SECTION_TITLES = {
    "badge": QT_TRANSLATE_NOOP("ScanSheet", "Badges: log in"),
    "tracking": QT_TRANSLATE_NOOP("ScanSheet", "Parcels: tracking numbers"),
    "rma": QT_TRANSLATE_NOOP("ScanSheet", "RMA numbers (from the packing slip)"),
    "order": QT_TRANSLATE_NOOP("ScanSheet", "Order numbers"),
    "unit": QT_TRANSLATE_NOOP("ScanSheet", "Units: product barcodes and serial numbers"),
    "wrong_item": QT_TRANSLATE_NOOP("ScanSheet", "Wrong items: not on the RMA's order"),
}
_LABELS = {
    "badge": QT_TRANSLATE_NOOP("ScanSheet", "Badge: {name} ({role})"),
    "tracking": QT_TRANSLATE_NOOP("ScanSheet", "{courier} parcel for {rma}"),
    "rma": QT_TRANSLATE_NOOP("ScanSheet", "{rma}: order {order}, {reason}"),
    "order": QT_TRANSLATE_NOOP("ScanSheet", "Order {order}: {count} open RMA(s)"),
    "gtin": QT_TRANSLATE_NOOP("ScanSheet", "{rma}: {product} ({sku}) x {quantity}"),
    "serial": QT_TRANSLATE_NOOP("ScanSheet", "{rma}: serial of {product}"),
    "wrong_item": QT_TRANSLATE_NOOP("ScanSheet", "{rma}: {product} ({sku}), not on the order"),
}
_Label = Callable[..., str]
_CANDIDATE_RMAS = 500
"""Open RMAs looked at (lowest orders first) when choosing the sheet's few."""


@dataclass(frozen=True)
class SheetCode:
    """One barcode of the training sheet.

    Attributes:
        code: exactly what the barcode holds (a GTIN-13 for product barcodes).
        kind: one of ``SHEET_KINDS``.
        label: what it is, for the person holding the sheet.
        rma: the RMA a ``tracking``, ``unit`` or ``wrong_item`` code belongs to, else None.
    """

    code: str
    kind: str
    label: str
    rma: str | None = None


@dataclass
class _Chosen:
    rma: RMA
    lines: list[RMALine]


def build_scan_sheet(
    database: Database,
    prefixes: IdPrefixes = DEFAULT_PREFIXES,
    limit: int = 12,
    *,
    rmas: int = 4,
    units: int = 6,
    translate: TranslateFn = identity_translate,
) -> list[SheetCode]:
    """Pick the codes of a training sheet from a demo database, in ``SHEET_KINDS`` order.

    Args:
        database: a database filled by ``generate_demo_data`` (connected).
        prefixes: the site's prefixes; badges are the users' badges with this prefix.
        limit: most codes per section.
        rmas: how many open RMAs the sheet covers; an order with two open RMAs comes
            first (both of them), then one with a serialised product, then the lowest.
        units: most unit codes (product barcodes and serials) of the chosen RMAs; with
            the defaults the sheet prints on two A4 pages.
        translate: translates the labels (context ``ScanSheet``); default English.
    """

    def label(key: str, **params: object) -> str:
        return translate(_CONTEXT, _LABELS[key]).format(**params)

    with database.atomic():
        codes = _badges(prefixes, label)
        chosen = _choose_rmas(rmas, unit_budget=units)
        codes += _rma_codes(chosen, label)
    by_kind: dict[str, list[SheetCode]] = defaultdict(list)
    for code in codes:
        if len(by_kind[code.kind]) < limit:
            by_kind[code.kind].append(code)
    return [code for kind in SHEET_KINDS for code in by_kind[kind]]


def sheet_json(codes: Sequence[SheetCode]) -> str:
    """The codes as a JSON list of ``{code, kind, label[, rma]}`` (``rma`` for RMA kinds only)."""
    items: list[dict[str, str | None]] = []
    for code in codes:
        item: dict[str, str | None] = {"code": code.code, "kind": code.kind, "label": code.label}
        if code.kind in RMA_KINDS:
            item["rma"] = code.rma
        items.append(item)
    return json.dumps(items, ensure_ascii=False, indent=2)


def write_scan_sheet_pdf(
    codes: Sequence[SheetCode],
    path: Path | str,
    title: str,
    translate: TranslateFn = identity_translate,
) -> Path:
    """Render the codes as an A4 PDF, one section per kind, and write it to ``path``."""
    entries = [SheetEntry(code=c.code, label=c.label, section=c.kind) for c in codes]
    titles = {kind: translate(_CONTEXT, text) for kind, text in SECTION_TITLES.items()}
    target = Path(path)
    target.write_bytes(render_scan_sheet_pdf(title, entries, titles))
    return target


def _badges(prefixes: IdPrefixes, label: _Label) -> list[SheetCode]:
    query = User.select().where(User.badge.startswith(prefixes.badge)).order_by(User.id)
    return [
        SheetCode(str(u.badge), "badge", label("badge", name=u.display_name, role=u.role))
        for u in query
        if u.active
    ]


def _choose_rmas(count: int, unit_budget: int) -> list[_Chosen]:
    candidates = list(
        RMA.select(RMA, Order)
        .join(Order)
        .where((RMA.status == "open") & RMA.expected_tracking.is_null(False))
        .order_by(RMA.order, RMA.number)
        .limit(_CANDIDATE_RMAS)
    )
    lines: dict[int, list[RMALine]] = defaultdict(list)
    if candidates:
        query = (
            RMALine.select(RMALine, OrderLine, Product)
            .join(OrderLine)
            .join(Product)
            .where(RMALine.rma.in_([r.id for r in candidates]))
            .order_by(RMALine.id)
        )
        for line in query:
            lines[line.rma_id].append(line)

    def units(rma: RMA) -> int:
        count = 0
        for line in lines[rma.id]:  # a GTIN per line, and a serial per serialised unit
            count += 1 + (int(line.quantity) if line.order_line.product.serialised else 0)
        return count

    by_order: dict[int, list[RMA]] = defaultdict(list)
    for rma in candidates:
        by_order[rma.order_id].append(rma)
    pairs = [group[:2] for group in by_order.values() if len(group) >= 2]
    serialised = [
        r for r in candidates if any(line.order_line.product.serialised for line in lines[r.id])
    ]
    picked: list[RMA] = []

    def take(group: list[RMA]) -> bool:
        # The unit budget keeps the sheet on two pages.
        if len(picked) + len(group) > count or any(r in picked for r in group):
            return False
        if sum(units(r) for r in picked + group) > unit_budget:
            return False
        picked.extend(group)
        return True

    # Both RMAs of one order (the "which RMA?" case), then a serialised product, then the rest;
    # the fewest unit codes first, so that as many RMAs as asked for fit the budget.
    for pair in sorted(pairs, key=lambda group: sum(units(r) for r in group)):
        # Leave room for a serialised unit (its barcode and its serial).
        if sum(units(r) for r in pair) <= unit_budget - 2 and take(pair):
            break
    for rma in sorted(serialised, key=units):
        if take([rma]):
            break
    for rma in sorted(candidates, key=units):
        take([rma])
    return [_Chosen(rma, lines[rma.id]) for rma in picked]


def _rma_codes(chosen: list[_Chosen], label: _Label) -> list[SheetCode]:
    if not chosen:
        return []
    table = default_courier_table()
    order_ids = {c.rma.order_id for c in chosen}
    open_count: dict[int, int] = defaultdict(int)
    for rma in RMA.select(RMA.order).where(RMA.order.in_(order_ids) & (RMA.status == "open")):
        open_count[rma.order_id] += 1
    gtins = _gtin13_by_product()
    order_products = _products_of_orders(order_ids)
    codes: list[SheetCode] = []
    wrong_used: set[int] = set()  # each wrong item once: one barcode, one meaning
    for item in chosen:
        rma, number, tracking = item.rma, item.rma.number, item.rma.expected_tracking or ""
        courier = table.postal_operator(tracking) or table.courier_name(rma.expected_carrier or "")
        codes.append(
            SheetCode(tracking, "tracking", label("tracking", courier=courier, rma=number), number)
        )
        codes.append(
            SheetCode(
                number,
                "rma",
                label("rma", rma=number, order=rma.order.number, reason=rma.reason_code),
            )
        )
        codes.append(
            SheetCode(
                rma.order.number,
                "order",
                label("order", order=rma.order.number, count=open_count[rma.order_id]),
            )
        )
        for line in item.lines:
            product = line.order_line.product
            codes.append(
                SheetCode(
                    gtins[product.id][0],
                    "unit",
                    label(
                        "gtin",
                        product=product.name,
                        sku=product.sku,
                        quantity=line.quantity,
                        rma=number,
                    ),
                    number,
                )
            )
            if product.serialised:
                serials = (
                    SoldSerial.select()
                    .where(SoldSerial.order_line == line.order_line_id)
                    .order_by(SoldSerial.id)
                    .limit(line.quantity)
                )
                codes += [
                    SheetCode(
                        s.serial, "unit", label("serial", product=product.name, rma=number), number
                    )
                    for s in serials
                ]
        wrong = _wrong_product(item, order_products[rma.order_id] | wrong_used)
        if wrong is not None:
            wrong_used.add(wrong.id)
            codes.append(
                SheetCode(
                    gtins[wrong.id][0],
                    "wrong_item",
                    label("wrong_item", product=wrong.name, sku=wrong.sku, rma=number),
                    number,
                )
            )
    unique: dict[tuple[str, str], SheetCode] = {}
    for code in codes:  # the two RMAs of one order share its order code
        unique.setdefault((code.kind, code.code), code)
    return list(unique.values())


def _gtin13_by_product() -> dict[int, list[str]]:
    """Each product's GTINs as printed on the box: 13 digits (the stored GTIN-14 less its 0)."""
    result: dict[int, list[str]] = defaultdict(list)
    for row in ProductGTIN.select().order_by(ProductGTIN.id):
        result[row.product_id].append(row.gtin.removeprefix("0"))
    return result


def _products_of_orders(order_ids: set[int]) -> dict[int, set[int]]:
    result: dict[int, set[int]] = defaultdict(set)
    for line in OrderLine.select(OrderLine.order, OrderLine.product).where(
        OrderLine.order.in_(order_ids)
    ):
        result[line.order_id].add(line.product_id)
    return result


def _wrong_product(item: _Chosen, excluded: set[int]) -> Product | None:
    """A product of the same category not in ``excluded`` (the order's): a plausible mix-up."""
    if not item.lines:
        return None
    returned = item.lines[0].order_line.product
    query = (
        Product.select()
        .where(Product.id.not_in(excluded))
        .order_by(Product.category != returned.category, Product.id)
    )
    return query.first()
