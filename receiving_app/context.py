"""The composition root: open the database, check its schema, and build the services (no Qt).

Both the command line and the GUI start here and receive the same objects; nothing is global.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field

from peewee import Database

from db.connection import open_database
from db.errors import SchemaMismatch, StorageUnavailable
from db.models import Order, Setting
from db.schema import check_schema, upgrade
from db.transactions import storage_errors
from receiving_app.accounts import StationInfo, ensure_station
from receiving_app.audit import Actor
from receiving_app.clock import Clock, SystemClock
from receiving_app.disposition.store import sync_routing_rules
from receiving_app.errors import InvalidInput
from receiving_app.i18n import QT_TRANSLATE_NOOP, TranslateFn, identity_translate
from receiving_app.inspection.model import ChecklistError
from receiving_app.inspection.service import InspectionDesk
from receiving_app.inspection.store import sync_templates
from receiving_app.photo_store import PhotoStore
from receiving_app.printing import Spooler
from receiving_app.receiving.desk import ReceivingDesk
from receiving_app.scanning import CourierFileError, CourierTable, IdPrefixes
from receiving_app.settings import (
    StationSettings,
    config_file,
    data_dir,
    default_db_url,
    demo_db_url,
    load_station_settings,
)
from receiving_app.supervisor.service import SupervisorDesk
from receiving_app.supervisor.station import SupervisorStation
from receiving_app.users import UserInfo

FIRST_START_DEMO_ORDERS = 2000
# A month of past returns, so the supervisor's dashboard and reports have something to show.
FIRST_START_HISTORY_DAYS = 30
DEMO_SEED = 7
PREFIXES_KEY = "id_prefixes"


@dataclass
class AppContext:
    """The services of one running app (or one CLI command) over one open database."""

    database: Database
    clock: Clock
    settings: StationSettings
    station: StationInfo
    prefixes: IdPrefixes
    couriers: CourierTable
    url: str
    seeded: bool = field(default=False)
    checklist_problems: list[ChecklistError] = field(default_factory=list)
    """Site checklist files skipped at start because they are broken (each names its file)."""

    def new_desk(self) -> ReceivingDesk:
        return ReceivingDesk(
            self.database, self.clock, self.station, self.prefixes, self.couriers, self.photos
        )

    def new_inspection_desk(self) -> InspectionDesk:
        photos = self.settings.photos
        return InspectionDesk(
            self.database, self.clock, self.station, self.prefixes, photos.folder, photos.max_edge
        )

    @property
    def photos(self) -> PhotoStore:
        """The station's photo store (``[photos]``): where photos go and how large they are."""
        return PhotoStore(self.settings.photos.folder, self.settings.photos.max_edge)

    def new_supervisor_station(self) -> SupervisorStation:
        """The supervisor's station, waiting for a supervisor to log in."""
        return SupervisorStation(self.database, self.clock, self.station, self.prefixes)

    def new_supervisor_desk(self, user: UserInfo) -> SupervisorDesk:
        """The supervisor's desk for ``user`` (PermissionDenied unless they may approve)."""
        return SupervisorDesk(self.database, self.clock, self.station, user)

    def new_spooler(self, translate: TranslateFn = identity_translate) -> Spooler:
        """The station's print spooler over its ``[printers]``; run it on a worker thread."""
        return Spooler(
            self.database, self.clock, self.station, self.settings.printers, translate=translate
        )

    def close(self) -> None:
        if not self.database.is_closed():
            self.database.close()


def resolve_db_url(explicit: str | None, settings: StationSettings, demo: bool) -> tuple[str, bool]:
    """The database to open, and whether it is an embedded one this app may create and seed.

    Order: ``--db``, then ``RECEIVING_DB_URL``, then the station file, then the embedded default.
    """
    if demo:
        return demo_db_url(), True
    url = explicit or os.environ.get("RECEIVING_DB_URL") or settings.db_url
    if url:
        return url, False
    return default_db_url(), True


def open_context(
    db_url: str | None = None,
    demo: bool = False,
    clock: Clock | None = None,
    settings: StationSettings | None = None,
    busy_timeout_ms: int | None = None,
) -> AppContext:
    """Open the app's database and build its services.

    The embedded databases (default and demo) are created, upgraded and seeded with demo data on
    first start. Any other database must already be at this version's schema: an older one asks
    for ``receiving-app db upgrade``, a newer one is refused (SchemaMismatch). A broken site
    checklist file is skipped and listed in ``checklist_problems``, never a reason not to start.
    """
    settings = settings or load_station_settings()
    clock = clock or SystemClock()
    url, embedded = resolve_db_url(db_url, settings, demo)
    database = open_database(url, busy_timeout_ms)
    with storage_errors():
        database.connect()
    try:
        with storage_errors():
            if embedded:
                upgrade(database)
            check_schema(database)
            seeded = embedded and _seed_if_empty(database, clock)
            station = ensure_station(
                database, settings.station_code, settings.station_name, clock.now()
            )
            # A broken site checklist must not stop the station: it is skipped (and logged),
            # the shipped templates and the stored versions stay current, the GUI shows it.
            checklist_problems: list[ChecklistError] = []
            sync_templates(
                database, Actor(None, station.code), clock.now(), problems=checklist_problems
            )
            sync_routing_rules(database, Actor(None, station.code), clock.now())
            prefixes = load_prefixes()
        couriers = _load_couriers()
    except (SchemaMismatch, InvalidInput, StorageUnavailable):
        database.close()
        raise
    return AppContext(
        database, clock, settings, station, prefixes, couriers, url, seeded, checklist_problems
    )


def _load_couriers() -> CourierTable:
    """The shipped courier table with the site's own files (``couriers*.json``) on top."""
    files = sorted(config_file().parent.glob("couriers*.json"))
    try:
        return CourierTable.load(files)
    except CourierFileError as exc:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Error", "A courier table file is wrong: {detail}"), detail=str(exc)
        ) from None


def _seed_if_empty(database: Database, clock: Clock) -> bool:
    """Fill a new embedded database with demo data and a month of history, and put its scan
    sheet beside it.

    The sheet (``scan-sheet.pdf`` and ``.json`` in the data folder) carries the demo users'
    badges, parcels and units, so a new user can try the station at once.
    """
    from receiving_app.demo_data import (
        build_scan_sheet,
        generate_demo_data,
        sheet_json,
        write_scan_sheet_pdf,
    )

    if Order.select().exists():
        return False
    generate_demo_data(
        database,
        orders=FIRST_START_DEMO_ORDERS,
        seed=DEMO_SEED,
        now=clock.now(),
        history_days=FIRST_START_HISTORY_DAYS,
    )
    codes = build_scan_sheet(database, load_prefixes())
    folder = data_dir()
    (folder / "scan-sheet.json").write_text(sheet_json(codes), encoding="utf-8")
    write_scan_sheet_pdf(codes, folder / "scan-sheet.pdf", "Returns Receiving: scan sheet")
    return True


def load_prefixes() -> IdPrefixes:
    """The site's prefixes for RMA, order, LPN and badge numbers (dock policy, in the database)."""
    row = Setting.get_or_none(Setting.key == PREFIXES_KEY)
    if row is None:
        return IdPrefixes()
    try:
        values = json.loads(row.value)
        prefixes = IdPrefixes(**{key: str(value).upper() for key, value in values.items()})
    except (ValueError, TypeError):
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Error", "The dock setting {key} is broken: set it again."),
            key=PREFIXES_KEY,
        ) from None
    if len({prefixes.rma, prefixes.order, prefixes.lpn, prefixes.badge}) < 4 or not all(
        p.isalpha() for p in (prefixes.rma, prefixes.order, prefixes.lpn, prefixes.badge)
    ):
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "Error", "The dock setting {key} needs four different letter-only prefixes."
            ),
            key=PREFIXES_KEY,
        )
    return prefixes
