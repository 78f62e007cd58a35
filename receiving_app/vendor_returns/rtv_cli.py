"""``receiving-app rtv ...``: vendor-return batches from the command line (no Qt).

``list``, ``show BATCH``, ``rma BATCH NUMBER``, ``close BATCH [--cartons N] [--manifest PDF]
[--csv CSV] [--labels PDF]``, ``ship BATCH --carrier C [--date D] [--tracking T]``,
``manifest BATCH -o FILE.pdf|FILE.csv`` and ``prefix [--set DIGITS]``. Like ``outcomes export``
the commands act as the station (the audit records name it, no user); files are written whole
or not at all.
"""

from __future__ import annotations

import argparse
import datetime
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from receiving_app.cli_output import say
from receiving_app.files import write_whole
from receiving_app.i18n import QT_TRANSLATE_NOOP, TranslateFn

if TYPE_CHECKING:
    from receiving_app.context import AppContext
    from receiving_app.vendor_returns.batches import Acting

EXIT_OK = 0
CLI = "CLI"
_STATES = ("open", "closed", "shipped")


def add_rtv_commands(
    sub: argparse._SubParsersAction[argparse.ArgumentParser],
    common: argparse.ArgumentParser,
    t: Callable[[str], str],
) -> None:
    """Add the ``rtv`` commands to the command line; ``t`` translates help texts."""
    rtv = sub.add_parser("rtv", help=t(QT_TRANSLATE_NOOP("CLI", "vendor-return (RTV) batches")))
    actions = rtv.add_subparsers(metavar="ACTION", required=True)

    listing = actions.add_parser(
        "list", parents=[common], help=t(QT_TRANSLATE_NOOP("CLI", "list the batches"))
    )
    listing.add_argument("--state", choices=_STATES, action="append")
    listing.set_defaults(handler=cmd_rtv_list)

    show = actions.add_parser(
        "show", parents=[common], help=t(QT_TRANSLATE_NOOP("CLI", "a batch's cartons and units"))
    )
    show.add_argument("batch", metavar="BATCH")
    show.set_defaults(handler=cmd_rtv_show)

    rma = actions.add_parser(
        "rma",
        parents=[common],
        help=t(QT_TRANSLATE_NOOP("CLI", "record the vendor's RMA number for an open batch")),
    )
    rma.add_argument("batch", metavar="BATCH")
    rma.add_argument("number", metavar="NUMBER")
    rma.set_defaults(handler=cmd_rtv_rma)

    close = actions.add_parser(
        "close",
        parents=[common],
        help=t(QT_TRANSLATE_NOOP("CLI", "close a batch into cartons with SSCCs")),
    )
    close.add_argument("batch", metavar="BATCH")
    close.add_argument("--cartons", type=int, default=1, metavar="N")
    close.add_argument("--manifest", type=_suffix(".pdf"), metavar="FILE.pdf")
    close.add_argument("--csv", type=_suffix(".csv"), metavar="FILE.csv")
    close.add_argument("--labels", type=_suffix(".pdf"), metavar="FILE.pdf")
    close.set_defaults(handler=cmd_rtv_close)

    ship = actions.add_parser(
        "ship",
        parents=[common],
        help=t(QT_TRANSLATE_NOOP("CLI", "record that a closed batch left the dock")),
    )
    ship.add_argument("batch", metavar="BATCH")
    ship.add_argument("--carrier", required=True)
    ship.add_argument("--date", type=_date, metavar="YYYY-MM-DD")
    ship.add_argument("--tracking")
    ship.set_defaults(handler=cmd_rtv_ship)

    manifest = actions.add_parser(
        "manifest",
        parents=[common],
        help=t(QT_TRANSLATE_NOOP("CLI", "write a batch's manifest as PDF or CSV")),
    )
    manifest.add_argument("batch", metavar="BATCH")
    manifest.add_argument(
        "-o", "--output", required=True, type=_suffix(".pdf", ".csv"), metavar="FILE"
    )
    manifest.set_defaults(handler=cmd_rtv_manifest)

    prefix = actions.add_parser(
        "prefix",
        parents=[common],
        help=t(QT_TRANSLATE_NOOP("CLI", "print or set the dock's GS1 company prefix for SSCCs")),
    )
    prefix.add_argument("--set", dest="prefix", metavar="DIGITS")
    prefix.add_argument("--extension", type=int, default=0, metavar="DIGIT")
    prefix.set_defaults(handler=cmd_rtv_prefix)


def _suffix(*allowed: str) -> Callable[[str], Path]:
    def parse(text: str) -> Path:
        path = Path(text)
        if path.suffix.lower() not in allowed:
            raise argparse.ArgumentTypeError(f"must end in {' or '.join(allowed)}: {text!r}")
        return path

    return parse


def _date(text: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


@contextmanager
def _opened(args: argparse.Namespace) -> Iterator[AppContext]:
    from receiving_app.context import open_context

    context = open_context(args.db)
    try:
        yield context
    finally:
        context.close()


def _acting(context: AppContext) -> Acting:
    from receiving_app.audit import Actor
    from receiving_app.vendor_returns.batches import Acting

    actor = Actor(None, context.station.code)
    return Acting(context.database, actor, None, context.station.id, context.clock.now())


def cmd_rtv_list(args: argparse.Namespace, tr: TranslateFn) -> int:
    """One line per batch."""
    from receiving_app.vendor_returns.views import list_batches

    with _opened(args) as context:
        rows = list_batches(context.clock.now().date(), args.state or _STATES)
    for row in rows:
        say(
            tr(CLI, _LIST_LINE),
            batch=row.number,
            state=row.state,
            vendor=row.vendor_code,
            units=row.units,
            cost=f"{row.total_cost:.2f}",
            age=row.age_days,
            rma=row.vendor_rma or "-",
        )
    if not rows:
        say(tr(CLI, _NO_BATCHES))
    return EXIT_OK


def cmd_rtv_show(args: argparse.Namespace, tr: TranslateFn) -> int:
    """The batch's header, its cartons and its units."""
    from labels import sscc_text
    from receiving_app.vendor_returns.documents import prefix_digits
    from receiving_app.vendor_returns.views import batch_detail

    with _opened(args) as context:
        detail = batch_detail(args.batch, context.clock.now().date())
        # The prefix's length groups the digits; read while the database is open.
        groups = {carton.sscc: prefix_digits(carton.sscc) for carton in detail.cartons}
    row = detail.summary
    say(
        tr(CLI, _LIST_LINE),
        batch=row.number,
        state=row.state,
        vendor=row.vendor_code,
        units=row.units,
        cost=f"{row.total_cost:.2f}",
        age=row.age_days,
        rma=row.vendor_rma or "-",
    )
    for carton in detail.cartons:
        say(
            tr(CLI, _CARTON_LINE),
            number=carton.number,
            sscc=sscc_text(carton.sscc, groups[carton.sscc]),
            units=carton.units,
        )
    for line in detail.lines:
        carton_number = "-" if line.carton is None else line.carton
        say(
            f"  {line.lpn}  {line.sku}  {line.serial or '-'}  {line.grade or '-'}  "
            f"{line.cost:.2f}  #{carton_number}"
        )
    return EXIT_OK


def cmd_rtv_rma(args: argparse.Namespace, tr: TranslateFn) -> int:
    from receiving_app.vendor_returns.batches import set_vendor_rma

    with _opened(args) as context:
        stored = set_vendor_rma(_acting(context), args.batch, args.number)
    say(tr(CLI, _RMA_SET), batch=args.batch, rma=stored)
    return EXIT_OK


def cmd_rtv_close(args: argparse.Namespace, tr: TranslateFn) -> int:
    """Close the batch, then write the files asked for (the close stands if a file fails)."""
    from receiving_app.vendor_returns import documents
    from receiving_app.vendor_returns.batches import close_batch
    from receiving_app.vendor_returns.views import batch_detail

    with _opened(args) as context:
        ssccs = close_batch(_acting(context), args.batch, args.cartons)
        say(tr(CLI, _CLOSED), batch=args.batch, cartons=len(ssccs), ssccs=", ".join(ssccs))
        detail = batch_detail(args.batch, context.clock.now().date())
        if args.manifest is not None:
            _write(tr, args.manifest, documents.manifest_pdf(detail, tr))
        if args.csv is not None:
            _write(tr, args.csv, documents.manifest_csv(detail, tr))
        if args.labels is not None:
            pdf = documents.carton_labels_pdf(detail, context.station.name, tr)
            _write(tr, args.labels, pdf)
    return EXIT_OK


def cmd_rtv_ship(args: argparse.Namespace, tr: TranslateFn) -> int:
    from receiving_app.vendor_returns.batches import ship_batch

    with _opened(args) as context:
        day = ship_batch(_acting(context), args.batch, args.carrier, args.date, args.tracking)
    say(tr(CLI, _SHIPPED), batch=args.batch, date=day.isoformat(), carrier=args.carrier.strip())
    return EXIT_OK


def cmd_rtv_manifest(args: argparse.Namespace, tr: TranslateFn) -> int:
    from receiving_app.vendor_returns import documents
    from receiving_app.vendor_returns.views import batch_detail

    with _opened(args) as context:
        detail = batch_detail(args.batch, context.clock.now().date())
        as_csv = args.output.suffix.lower() == ".csv"
        data = documents.manifest_csv(detail, tr) if as_csv else documents.manifest_pdf(detail, tr)
    _write(tr, args.output, data)
    return EXIT_OK


def cmd_rtv_prefix(args: argparse.Namespace, tr: TranslateFn) -> int:
    """Print the dock's prefix; with ``--set``, check it and store it first (audited)."""
    from receiving_app.audit import Actor
    from receiving_app.vendor_returns.prefix_setting import company_prefix, set_company_prefix

    with _opened(args) as context:
        if args.prefix is not None:
            actor = Actor(None, context.station.code)
            now = context.clock.now()
            set_company_prefix(context.database, actor, now, args.prefix, args.extension)
        company = company_prefix()
    if company is None:
        say(tr(CLI, _NO_PREFIX))
    else:
        say(tr(CLI, _PREFIX), prefix=company.prefix, extension=company.extension)
    return EXIT_OK


def _write(tr: TranslateFn, path: Path, data: bytes) -> None:
    write_whole(path, data)
    say(tr(CLI, _WRITTEN), file=path)


_LIST_LINE = QT_TRANSLATE_NOOP(
    "CLI", "{batch}  {state}  {vendor}  {units} units  cost {cost}  {age} days  vendor RMA {rma}"
)
_NO_BATCHES = QT_TRANSLATE_NOOP("CLI", "No vendor-return batches.")
_CARTON_LINE = QT_TRANSLATE_NOOP("CLI", "  carton {number}: {sscc}  {units} units")
_RMA_SET = QT_TRANSLATE_NOOP("CLI", "Batch {batch}: vendor RMA {rma}.")
_CLOSED = QT_TRANSLATE_NOOP("CLI", "Batch {batch} closed into {cartons} carton(s): {ssccs}.")
_SHIPPED = QT_TRANSLATE_NOOP("CLI", "Batch {batch} shipped on {date} with {carrier}.")
_WRITTEN = QT_TRANSLATE_NOOP("CLI", "Written: {file}")
_NO_PREFIX = QT_TRANSLATE_NOOP(
    "CLI", "No GS1 company prefix is set: receiving-app rtv prefix --set DIGITS"
)
_PREFIX = QT_TRANSLATE_NOOP("CLI", "GS1 company prefix {prefix}, SSCC extension digit {extension}.")

__all__ = ["add_rtv_commands"]
