"""The command line: headless sub-commands for supervisors and automation (no Qt).

``receiving-app`` with no sub-command opens the GUI (see ``__main__``); everything here calls the
same core functions the GUI calls.
"""

from __future__ import annotations

import argparse
import datetime
import json
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from db.connection import DatabaseURLError, open_database
from db.errors import SchemaMismatch, StorageUnavailable
from db.schema import upgrade
from receiving_app import __version__
from receiving_app.customer_outcome.outcomes_cli import add_outcomes_commands
from receiving_app.data_export.export_cli import add_export_commands
from receiving_app.data_import.import_cli import add_import_commands
from receiving_app.decoding.decode_cli import add_decode_commands
from receiving_app.disposition.rules_cli import add_rules_commands
from receiving_app.errors import ReceivingError
from receiving_app.i18n import (
    QT_TRANSLATE_NOOP,
    TranslateFn,
    catalog_translate,
    identity_translate,
    system_language,
)
from receiving_app.inspection.cli import add_checklist_commands
from receiving_app.inspection.report_cli import add_inspection_commands
from receiving_app.label_cli import add_label_commands
from receiving_app.reports.report_cli import add_report_commands
from receiving_app.scanning import interpret_scan
from receiving_app.supervisor.queues_cli import add_queue_commands
from receiving_app.vendor_returns.rtv_cli import add_rtv_commands

if TYPE_CHECKING:
    from receiving_app.context import AppContext

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2
CLI = "CLI"


def build_parser(tr: TranslateFn = identity_translate) -> argparse.ArgumentParser:
    """The command line's parser; ``tr`` translates its help texts."""

    def t(text: str) -> str:
        return tr(CLI, text)

    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db",
        metavar="URL",
        default=argparse.SUPPRESS,
        help=t(
            QT_TRANSLATE_NOOP(
                "CLI",
                "database URL: sqlite:///file.db or postgresql://user:pw@host/name "
                "(default: RECEIVING_DB_URL, the station file, or the embedded file)",
            )
        ),
    )
    parser = argparse.ArgumentParser(
        prog="receiving-app",
        parents=[common],
        description=t(
            QT_TRANSLATE_NOOP(
                "CLI", "Returns Receiving. Without a command it opens the receiving station window."
            )
        ),
    )
    parser.set_defaults(db=None, handler=None)
    parser.add_argument("--version", action="version", version=f"receiving-app {__version__}")
    parser.add_argument(
        "--demo",
        action="store_true",
        help=t(
            QT_TRANSLATE_NOOP(
                "CLI", "open the GUI on the demo database (created and seeded on first use)"
            )
        ),
    )
    # station.toml's [station] mode chooses the window; these force one for this start.
    window = parser.add_mutually_exclusive_group()
    window.add_argument(
        "--inspect",
        action="store_true",
        help=t(
            QT_TRANSLATE_NOOP(
                "CLI", "open the inspection station window instead of the receiving one"
            )
        ),
    )
    window.add_argument(
        "--receive",
        action="store_true",
        help=t(
            QT_TRANSLATE_NOOP(
                "CLI",
                "open the receiving station window, even where the station file says "
                'mode = "inspection"',
            )
        ),
    )
    window.add_argument(
        "--supervise",
        action="store_true",
        help=t(
            QT_TRANSLATE_NOOP(
                "CLI",
                "open the supervisor's desk: queues, vendor returns, reports and the dashboard",
            )
        ),
    )
    sub = parser.add_subparsers(title=t(QT_TRANSLATE_NOOP("CLI", "commands")), metavar="COMMAND")

    identify = sub.add_parser(
        "identify",
        parents=[common],
        help=t(
            QT_TRANSLATE_NOOP("CLI", "print what the app makes of scanned texts, one JSON per line")
        ),
    )
    identify.add_argument("texts", nargs="+", metavar="TEXT")
    identify.set_defaults(handler=cmd_identify)

    dbp = sub.add_parser("db", help=t(QT_TRANSLATE_NOOP("CLI", "database schema")))
    db_sub = dbp.add_subparsers(metavar="ACTION", required=True)
    up = db_sub.add_parser(
        "upgrade",
        parents=[common],
        help=t(QT_TRANSLATE_NOOP("CLI", "bring a database to this schema")),
    )
    up.set_defaults(handler=cmd_db_upgrade)

    audit = sub.add_parser("audit", help=t(QT_TRANSLATE_NOOP("CLI", "the audit log")))
    audit_sub = audit.add_subparsers(metavar="ACTION", required=True)
    verify = audit_sub.add_parser(
        "verify",
        parents=[common],
        help=t(QT_TRANSLATE_NOOP("CLI", "check the hash chain and say where it breaks")),
    )
    verify.set_defaults(handler=cmd_audit_verify)

    user = sub.add_parser("user", help=t(QT_TRANSLATE_NOOP("CLI", "users and roles")))
    user_sub = user.add_subparsers(metavar="ACTION", required=True)
    add = user_sub.add_parser(
        "add", parents=[common], help=t(QT_TRANSLATE_NOOP("CLI", "add a user"))
    )
    add.add_argument("name")
    add.add_argument(
        "--role",
        required=True,
        help=t(QT_TRANSLATE_NOOP("CLI", "dock, inspector, supervisor or admin")),
    )
    add.add_argument("--display-name", help=t(QT_TRANSLATE_NOOP("CLI", "the name shown on screen")))
    add.add_argument("--badge", help=t(QT_TRANSLATE_NOOP("CLI", "the code on the user's badge")))
    add.add_argument(
        "--pin",
        help=t(
            QT_TRANSLATE_NOOP("CLI", "a PIN of at least 4 digits (for logging in without a badge)")
        ),
    )
    add.set_defaults(handler=cmd_user_add)

    demo = sub.add_parser(
        "demo-data",
        parents=[common],
        help=t(QT_TRANSLATE_NOOP("CLI", "fill an empty database with realistic demo data")),
    )
    demo.add_argument("--orders", type=_positive, default=1000)
    demo.add_argument("--seed", type=int, default=1)
    demo.add_argument(
        "--history-days",
        type=_history_days,
        default=0,
        metavar="DAYS",
        help=t(
            QT_TRANSLATE_NOOP(
                "CLI",
                "also returns of the past DAYS days: received, inspected, graded and routed",
            )
        ),
    )
    demo.add_argument(
        "--sheet",
        type=Path,
        metavar="FILE.pdf",
        help=t(QT_TRANSLATE_NOOP("CLI", "also write a printable scan sheet of barcodes")),
    )
    demo.add_argument(
        "--sheet-json",
        type=Path,
        metavar="FILE",
        help=t(QT_TRANSLATE_NOOP("CLI", "also write the scan sheet's codes as JSON")),
    )
    demo.set_defaults(handler=cmd_demo_data)

    add_checklist_commands(sub, common, t)
    add_inspection_commands(sub, common, t)
    add_label_commands(sub, t)
    add_decode_commands(sub, t)
    add_rules_commands(sub, common, t)
    add_outcomes_commands(sub, common, t)
    add_rtv_commands(sub, common, t)
    add_queue_commands(sub, common, t)
    add_report_commands(sub, common, t)
    add_import_commands(sub, common, t)
    add_export_commands(sub, common, t)
    return parser


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return value


def _history_days(text: str) -> int:
    from receiving_app.demo_data import MAX_HISTORY_DAYS

    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number of days: {text!r}") from None
    if not 0 <= value <= MAX_HISTORY_DAYS:
        raise argparse.ArgumentTypeError(f"must be 0 to {MAX_HISTORY_DAYS}")
    return value


def cli_translate() -> TranslateFn:
    """The CLI speaks the station's language (or the locale's): Qt's catalog, read without Qt."""
    from receiving_app.settings import load_station_settings

    try:
        setting = load_station_settings().language
    except ReceivingError:
        setting = "system"  # the GUI and the commands that open a database report the file
    return catalog_translate(system_language(setting))


def run(argv: Sequence[str]) -> int | None:
    """Run a sub-command and return its exit code; None means "open the GUI"."""
    tr = cli_translate()
    args = build_parser(tr).parse_args(argv)
    handler: Callable[[argparse.Namespace, TranslateFn], int] | None = args.handler
    if handler is None:
        return None
    try:
        return handler(args, tr)
    except ReceivingError as exc:
        _fail(tr(exc.context, exc.message).format(**exc.params))
        return EXIT_FAILED
    except (SchemaMismatch, DatabaseURLError, StorageUnavailable) as exc:
        _fail(str(exc))
        return EXIT_USAGE if isinstance(exc, DatabaseURLError) else EXIT_FAILED


def _fail(message: str) -> None:
    print(f"receiving-app: {message}", file=sys.stderr)


def _say(tr: TranslateFn, text: str, **params: object) -> None:
    print(tr(CLI, text).format(**params))


def _context(args: argparse.Namespace) -> AppContext:
    from receiving_app.context import open_context

    return open_context(args.db)


def cmd_identify(args: argparse.Namespace, tr: TranslateFn) -> int:
    """One JSON object per text; the JSON is for scripts, so it stays in English."""
    for text in args.texts:
        print(json.dumps(interpret_scan(text).to_json(), ensure_ascii=False))
    return EXIT_OK


def cmd_db_upgrade(args: argparse.Namespace, tr: TranslateFn) -> int:
    from receiving_app.context import resolve_db_url
    from receiving_app.settings import load_station_settings

    url, _ = resolve_db_url(args.db, load_station_settings(), demo=False)
    database = open_database(url)
    with database.connection_context():
        applied = upgrade(database)
    if applied:
        _say(
            tr,
            QT_TRANSLATE_NOOP("CLI", "Applied {count} migration(s): {names}"),
            count=len(applied),
            names=", ".join(applied),
        )
    else:
        _say(tr, QT_TRANSLATE_NOOP("CLI", "The database is already at the current schema."))
    return EXIT_OK


def cmd_audit_verify(args: argparse.Namespace, tr: TranslateFn) -> int:
    from receiving_app.audit import AUDIT_CONTEXT, verify_chain

    context = _context(args)
    try:
        report = verify_chain()
    finally:
        context.close()
    if report.ok:
        _say(
            tr,
            QT_TRANSLATE_NOOP("CLI", "Audit chain intact: {count} records."),
            count=report.records,
        )
        return EXIT_OK
    problem = tr(AUDIT_CONTEXT, report.problem or "").format(seq=report.broken_at)
    _say(
        tr,
        QT_TRANSLATE_NOOP("CLI", "Audit chain broken at record {seq}: {problem}."),
        seq=report.broken_at,
        problem=problem,
    )
    return EXIT_FAILED


def cmd_user_add(args: argparse.Namespace, tr: TranslateFn) -> int:
    from receiving_app.accounts import add_user
    from receiving_app.audit import Actor
    from receiving_app.users import parse_role

    role = parse_role(args.role)
    context = _context(args)
    try:
        user = add_user(
            context.database,
            Actor("cli", context.station.code),
            context.clock.now(),
            args.name,
            role,
            args.display_name,
            args.badge,
            args.pin,
        )
    finally:
        context.close()
    _say(
        tr, QT_TRANSLATE_NOOP("CLI", "Added {name} ({role})."), name=user.name, role=user.role.value
    )
    return EXIT_OK


def cmd_demo_data(args: argparse.Namespace, tr: TranslateFn) -> int:
    from receiving_app.demo_data import (
        build_scan_sheet,
        generate_demo_data,
        sheet_json,
        write_scan_sheet_pdf,
    )

    for target in (args.sheet, args.sheet_json):
        if target is not None and not target.parent.is_dir():
            _fail(
                tr(CLI, QT_TRANSLATE_NOOP("CLI", "the folder {folder} does not exist")).format(
                    folder=target.parent
                )
            )
            return EXIT_USAGE
    if args.db is None:
        _fail(
            tr(
                CLI,
                QT_TRANSLATE_NOOP(
                    "CLI", "demo-data needs --db URL (it never fills a database by guess)"
                ),
            )
        )
        return EXIT_USAGE
    database = open_database(args.db)
    with database.connection_context():
        upgrade(database)
        now = datetime.datetime.now().replace(microsecond=0)
        summary = generate_demo_data(
            database,
            orders=args.orders,
            seed=args.seed,
            now=now,
            history_days=args.history_days,
        )
        counts = ", ".join(f"{name} {count}" for name, count in summary.as_dict().items())
        _say(tr, QT_TRANSLATE_NOOP("CLI", "Demo data written: {counts}."), counts=counts)
        if args.sheet or args.sheet_json:
            from receiving_app.context import load_prefixes

            codes = build_scan_sheet(database, load_prefixes(), translate=tr)
            if args.sheet_json:
                args.sheet_json.write_text(sheet_json(codes), encoding="utf-8")
            if args.sheet:
                title = tr(CLI, QT_TRANSLATE_NOOP("CLI", "Returns Receiving: scan sheet"))
                write_scan_sheet_pdf(codes, args.sheet, title, translate=tr)
    return EXIT_OK
