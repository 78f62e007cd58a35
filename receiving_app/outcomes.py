"""What a scan or a receiving step came to, as plain frozen values the GUI and CLI can show.

Messages are marked source text (context ``Outcome``) with ``{name}`` params; the edge translates.
Tests assert on ``code`` and ``level``, never on the English text.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from types import MappingProxyType

OUTCOME_CONTEXT = "Outcome"
# Message params whose values are stored codes, named in the user's language at the edge.
WORD_PARAMS = frozenset({"role", "condition", "state", "route"})


class OutcomeLevel(StrEnum):
    OK = "ok"
    WARNING = "warning"
    ERROR = "error"


class OutcomeCode(StrEnum):
    LOGGED_IN = "logged_in"
    LOGGED_OUT = "logged_out"
    LOGIN_REQUIRED = "login_required"
    UNKNOWN_BADGE = "unknown_badge"
    NOT_ALLOWED = "not_allowed"
    PARCEL_RECEIVED = "parcel_received"
    PARCEL_EXCEPTION = "parcel_exception"
    PARCEL_REPEAT = "parcel_repeat"
    PARCEL_CURRENT = "parcel_current"
    PARCEL_CLOSED = "parcel_closed"
    PARCEL_UPDATED = "parcel_updated"
    CHOOSE_RMA = "choose_rma"
    CHOOSE_CARRIER = "choose_carrier"
    RMA_LINKED = "rma_linked"
    RMA_NOT_FOUND = "rma_not_found"
    UNIT_RECEIVED = "unit_received"
    UNIT_WRONG_ITEM = "unit_wrong_item"
    UNIT_NOT_ON_ORDER = "unit_not_on_order"
    UNIT_EXTRA = "unit_extra"
    UNIT_SERIAL_MISMATCH = "unit_serial_mismatch"
    UNIT_NO_RMA = "unit_no_rma"
    UNIT_REPEAT = "unit_repeat"
    UNIT_INFO = "unit_info"
    LABEL_REPRINTED = "label_reprinted"
    LABEL_WAITING = "label_waiting"
    SERIAL_NEEDED = "serial_needed"
    UNKNOWN_PRODUCT = "unknown_product"
    NO_OPEN_PARCEL = "no_open_parcel"
    UNRECOGNISED = "unrecognised"
    STORAGE_UNAVAILABLE = "storage_unavailable"
    INSPECTION_STARTED = "inspection_started"
    INSPECTION_RESUMED = "inspection_resumed"
    ANSWER_SAVED = "answer_saved"
    ANSWER_REFUSED = "answer_refused"
    STEP_SHOWN = "step_shown"
    INSPECTION_COMPLETED = "inspection_completed"
    INSPECTION_ALREADY_COMPLETED = "inspection_already_completed"
    ANSWERS_MISSING = "answers_missing"
    GRADE_OVERRIDDEN = "grade_overridden"
    OVERRIDE_REFUSED = "override_refused"
    UNIT_NOT_READY = "unit_not_ready"
    UNIT_ALREADY_GRADED = "unit_already_graded"
    ABANDON_CONFIRM_NEEDED = "abandon_confirm_needed"
    NO_INSPECTION = "no_inspection"
    NO_CHECKLIST = "no_checklist"
    PHOTO_ATTACHED = "photo_attached"
    PHOTO_REFUSED = "photo_refused"
    PHOTO_REPEAT = "photo_repeat"
    REPORT_SAVED = "report_saved"
    ROUTE_OVERRIDDEN = "route_overridden"
    ROUTE_REFUSED = "route_refused"


class NextScan(StrEnum):
    """What the station expects next, shown as a prompt under the feedback."""

    BADGE = "badge"
    PARCEL = "parcel"
    UNIT = "unit"
    SERIAL = "serial"
    RMA = "rma"
    LPN = "lpn"
    ANSWER = "answer"


@dataclass(frozen=True)
class LineView:
    """One authorised RMA line: expected versus received."""

    rma_line_id: int
    sku: str
    product_name: str
    expected: int
    received: int
    serials_sold: tuple[str, ...]

    @property
    def missing(self) -> int:
        return max(self.expected - self.received, 0)


@dataclass(frozen=True)
class UnitView:
    lpn: str
    sku: str
    product_name: str
    serial: str | None
    match: str
    received_at: str


@dataclass(frozen=True)
class ParcelView:
    """The current parcel as the receiving screen shows it."""

    id: int
    tracking_number: str | None
    carrier: str | None
    carrier_candidates: tuple[str, ...]
    rma_number: str | None
    order_number: str | None
    reason_code: str | None
    customer_words: str
    condition: str
    note: str
    state: str
    is_exception: bool
    lines: tuple[LineView, ...]
    units: tuple[UnitView, ...]

    @property
    def missing_lines(self) -> tuple[LineView, ...]:
        return tuple(line for line in self.lines if line.missing)


@dataclass(frozen=True)
class RMAChoice:
    number: str
    reason_code: str
    skus: tuple[str, ...]


def _frozen(params: Mapping[str, object]) -> Mapping[str, str]:
    return MappingProxyType({key: str(value) for key, value in params.items()})


@dataclass(frozen=True)
class ScanOutcome:
    """The answer to one scan. Returned only after its transaction has committed."""

    level: OutcomeLevel
    code: OutcomeCode
    message: str
    params: Mapping[str, str] = field(default_factory=lambda: MappingProxyType({}))
    next_scan: NextScan = NextScan.PARCEL
    lpn: str | None = None
    parcel: ParcelView | None = None
    rma_choices: tuple[RMAChoice, ...] = ()
    carrier_choices: tuple[str, ...] = ()
    context: str = OUTCOME_CONTEXT

    @classmethod
    def make(
        cls,
        level: OutcomeLevel,
        code: OutcomeCode,
        message: str,
        next_scan: NextScan,
        params: Mapping[str, object] | None = None,
        **details: object,
    ) -> ScanOutcome:
        """Build an outcome; ``details`` are the optional fields (lpn, parcel, choices)."""
        return cls(level, code, message, _frozen(params or {}), next_scan, **details)  # type: ignore[arg-type]

    def text(
        self,
        translate: Callable[[str, str], str] | None = None,
        word: Callable[[str, str], str] | None = None,
    ) -> str:
        """The message with its params filled in, translated by ``translate`` if given.

        Params that hold a stored code (a role, a condition, a state: ``WORD_PARAMS``) are
        shown through ``word(kind, code)``, so the edge can name them in the user's language.
        """
        source = translate(self.context, self.message) if translate else self.message
        params = dict(self.params)
        if word is not None:
            for key in WORD_PARAMS.intersection(params):
                params[key] = word(key, params[key])
        return source.format(**params)
