"""The inspection desk of one station: scan an LPN, answer its checklist, grade it (no Qt).

Like the receiving desk, the desk keeps only the station's session (who is logged in, the open
inspection, the current step, an LPN waiting for the abandon confirmation); every fact lives in
the database. Each change runs in one write transaction with its audit record, and the outcome
is built after the commit. Repeating a command says what happened the first time.

Opening a unit is handled by ``unit_opening``, answers and photos by ``answering``, completing
and overriding by ``grade_decisions``; this module dispatches and owns the session commands.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import peewee

from db.queries import inspections as queries
from db.queries import photos as photo_queries
from db.transactions import storage_errors
from receiving_app import accounts
from receiving_app.accounts import StationInfo
from receiving_app.clock import Clock
from receiving_app.customer_outcome.approvals import OutcomeApprovals
from receiving_app.desk_guard import run_guarded
from receiving_app.disposition.rules_access import rules_library_for
from receiving_app.disposition.rules_library import RulesLibrary
from receiving_app.errors import PermissionDenied
from receiving_app.files import write_whole
from receiving_app.i18n import TranslateFn
from receiving_app.inspection import messages, store
from receiving_app.inspection.answering import Answering
from receiving_app.inspection.desk_state import OK, C, InspectionSession, InspectionState
from receiving_app.inspection.grade_decisions import OVERRIDE_REASON_MAX_LENGTH, GradeDecisions
from receiving_app.inspection.report import inspection_report_pdf
from receiving_app.inspection.route_override import RouteOverrides
from receiving_app.inspection.unit_opening import FALLBACK_CATEGORY, UnitOpening
from receiving_app.inspection.versions import ChecklistLibrary
from receiving_app.inspection.views import InspectionView, inspection_view
from receiving_app.outcomes import NextScan, ScanOutcome
from receiving_app.photo_store import DEFAULT_MAX_EDGE, PhotoRef, PhotoStore
from receiving_app.receiving import messages as receiving_messages
from receiving_app.scanning import IdPrefixes, ScanKind, interpret_scan
from receiving_app.settings import data_dir, default_photo_folder
from receiving_app.users import UserInfo

__all__ = [
    "FALLBACK_CATEGORY",
    "OVERRIDE_REASON_MAX_LENGTH",
    "InspectionDesk",
    "InspectionSession",
]


class InspectionDesk:
    """One station's inspection session over the shared database."""

    def __init__(
        self,
        database: peewee.Database,
        clock: Clock,
        station: StationInfo,
        prefixes: IdPrefixes | None = None,
        photo_folder: Path | None = None,
        photo_max_edge: int = DEFAULT_MAX_EDGE,
    ) -> None:
        self._photos = PhotoStore(photo_folder or default_photo_folder(), photo_max_edge)
        self._state = InspectionState(
            database, clock, station, prefixes or IdPrefixes(), self._photos.folder
        )
        self._opening = UnitOpening(self._state)
        self._answers = Answering(self._state, self._photos)
        self._grades = GradeDecisions(self._state)
        self._routes = RouteOverrides(self._state)

    # -- what the screen shows ----------------------------------------------------------------

    @property
    def station(self) -> StationInfo:
        return self._state.station

    @property
    def user(self) -> UserInfo | None:
        return self._state.session.user

    @property
    def view(self) -> InspectionView | None:
        """The inspection on screen, read fresh from the database (None when there is none)."""
        if self._state.session.inspection_id is None:
            return None
        with storage_errors():
            return self._view(self._state.session.inspection_id)

    def _view(self, inspection_id: int) -> InspectionView:
        inspection = queries.inspection_by_id(inspection_id)
        assert inspection is not None
        unit = queries.unit_for_inspection(self._state.lpn_of(inspection))
        assert unit is not None
        template = store.template_of_version(inspection.checklist_version_id)
        return inspection_view(inspection, unit, template, self._state.session.current_index)

    def unit_photos(self, inspection_id: int) -> list[PhotoRef]:
        """The photos of the inspection's unit, from all its inspections, oldest first, for
        thumbnails (a file may be missing on this PC)."""
        with storage_errors():
            inspection = queries.inspection_by_id(inspection_id)
            rows = photo_queries.photos_of_unit(inspection.unit_id) if inspection else []
        return [
            PhotoRef(
                row.file_name,
                self._photos.path_of(row.file_name),
                row.taken_at,
                row.taken_by.display_name,
            )
            for row in rows
        ]

    # -- session ------------------------------------------------------------------------------

    def login_with_pin(self, name: str, pin: str) -> ScanOutcome:
        return self._guard(lambda: self._login(accounts.user_by_pin(name, pin), "pin"))

    def logout(self) -> ScanOutcome:
        self._state.session = InspectionSession()
        return ScanOutcome.make(OK, C.LOGGED_OUT, receiving_messages.LOGGED_OUT, NextScan.BADGE)

    def handle_scan(self, raw: str) -> ScanOutcome:
        """A badge logs in; an LPN opens (or resumes) that unit's inspection."""
        scan = interpret_scan(raw, self._state.prefixes)

        def dispatch() -> ScanOutcome:
            if scan.kind is ScanKind.BADGE:
                return self._login(accounts.user_by_badge(scan.value), "badge")
            self._state.inspector()
            if scan.kind is not ScanKind.LPN:
                return self._state.error(
                    C.UNRECOGNISED, messages.EXPECT_LPN, text=scan.text[:40] or "-"
                )
            return self._opening.open_lpn(scan.value)

        return self._guard(dispatch)

    def confirm_switch(self) -> ScanOutcome:
        """Leave the half-done inspection (kept, resumable) and open the LPN scanned meanwhile."""
        return self._guard(self._opening.switch_to_pending)

    def cancel_switch(self) -> ScanOutcome:
        """Stay on the half-done inspection; the LPN scanned meanwhile is forgotten."""
        self._state.session.pending_lpn = None
        return self._guard(self._answers.show_step)

    def reinspect(self) -> ScanOutcome:
        """Start a new inspection of the graded unit on screen; the earlier ones stay as they are."""
        return self._guard(self._opening.reinspect)

    def override_route(
        self, route: str, location: str, reason: str, name: str = "", pin: str = ""
    ) -> ScanOutcome:
        """A supervisor sends the graded unit on screen elsewhere, with a reason (audited).

        The logged-in user decides when they are a supervisor; otherwise ``name`` and ``pin``
        name the supervisor who does, without logging the inspector out. An empty ``location``
        means the current rules' location for ``route``.
        """

        return self._guard(
            lambda: self._routes.override(self._supervisor(name, pin), route, location, reason)
        )

    # -- the report -----------------------------------------------------------------------------

    def report_path(self) -> Path | None:
        """Where the report of the graded unit on screen goes by default (None: no such unit)."""
        lpn = self._state.session.graded_lpn
        if lpn is None:
            return None
        folder = data_dir() / "reports"
        folder.mkdir(parents=True, exist_ok=True)
        return folder / f"inspection-{lpn}.pdf"

    def save_report(self, path: Path, translate: TranslateFn, language: str) -> ScanOutcome:
        """Write the PDF report of the graded unit on screen to ``path``, whole or not at all.

        Raises:
            InvalidInput: the file cannot be written, or a photo cannot be printed.
        """
        return self._guard(lambda: self._save_report(path, translate, language))

    def _save_report(self, path: Path, translate: TranslateFn, language: str) -> ScanOutcome:
        state = self._state
        state.inspector()
        lpn = state.session.graded_lpn
        if lpn is None:
            return state.error(C.NO_INSPECTION, messages.NO_UNIT)
        assert state.photo_folder is not None  # the desk always names its photo folder
        pdf = inspection_report_pdf(lpn, state.prefixes, translate, language, state.photo_folder)
        write_whole(path, pdf)
        return ScanOutcome.make(
            OK,
            C.REPORT_SAVED,
            messages.REPORT_SAVED,
            state.next_scan(),
            {"lpn": lpn, "file": str(path)},
        )

    def checklist_library(self, name: str = "", pin: str = "") -> ChecklistLibrary:
        """The stored checklists for the logged-in supervisor, or for the one whose PIN is given.

        An inspector at the station hands over to a supervisor for a moment: the name and PIN
        open the library without logging the inspector out.

        Raises:
            PermissionDenied: nobody with that name and PIN, or the user may not edit checklists.
        """
        state = self._state
        return ChecklistLibrary(state.db, state.clock, state.station, self._supervisor(name, pin))

    def rules_library(self, name: str = "", pin: str = "") -> RulesLibrary:
        """The routing rules for the logged-in supervisor, or for the one whose name and PIN are
        given (as ``checklist_library``).

        Raises:
            PermissionDenied: nobody with that name and PIN, or the user may not edit rules.
        """
        return rules_library_for(
            self._state.db, self._state.clock, self._state.station, self._supervisor(name, pin)
        )

    def outcome_approvals(self, name: str = "", pin: str = "") -> OutcomeApprovals:
        """The customer-outcome approval queue for the logged-in supervisor, or for the one
        whose name and PIN are given (as ``checklist_library``).

        Raises:
            PermissionDenied: nobody with that name and PIN, or the user may not approve.
        """
        state = self._state
        return OutcomeApprovals(state.db, state.clock, state.station, self._supervisor(name, pin))

    def _supervisor(self, name: str, pin: str) -> UserInfo:
        """The user with ``name`` and ``pin``, or the logged-in one when no name is given.

        Raises:
            PermissionDenied: nobody with that name and PIN, or nobody logged in.
        """
        with storage_errors():
            user = accounts.user_by_pin(name, pin) if name else self._state.session.user
        if user is None:
            raise PermissionDenied(
                receiving_messages.UNKNOWN_USER if name else receiving_messages.LOGIN_REQUIRED
            )
        return user

    def _guard(self, step: Callable[[], ScanOutcome]) -> ScanOutcome:
        return run_guarded(step, self._state.next_scan)

    def _login(self, user: UserInfo | None, method: str) -> ScanOutcome:
        if user is None:
            return self._state.error(C.UNKNOWN_BADGE, receiving_messages.UNKNOWN_USER)
        state = self._state
        accounts.record_login(state.db, user, state.station, state.clock.now(), method)
        state.session = InspectionSession(user=user)
        return ScanOutcome.make(
            OK,
            C.LOGGED_IN,
            messages.LOGGED_IN,
            NextScan.LPN,
            {"user": user.display_name, "role": user.role.value, "station": state.station.code},
        )

    # -- answering ----------------------------------------------------------------------------

    def answer(self, step_id: str, value: object) -> ScanOutcome:
        """Check ``value`` against the step, store it, and move to the next step.

        Answers are as in a checklist answers file: true/false, an option's key (or label), a
        number, a text; a photo step is answered by ``attach_photo``.
        """
        return self._guard(lambda: self._answers.answer(step_id, value))

    def back(self) -> ScanOutcome:
        """Go back one step (nothing is written)."""
        self._state.session.current_index = max(self._state.session.current_index - 1, 0)
        return self._guard(self._answers.show_step)

    def attach_photo(self, step_id: str, source: Path | bytes) -> ScanOutcome:
        """Store a JPEG or PNG file (or a camera JPEG) by its hash and answer the photo step."""
        return self._guard(lambda: self._answers.attach_photo(step_id, source))

    def attach_unit_photo(self, source: Path | bytes) -> ScanOutcome:
        """Store a photo of the unit on screen outside any step (at any time of its inspection)."""
        return self._guard(lambda: self._answers.attach_unit_photo(source))

    # -- grading ------------------------------------------------------------------------------

    def complete(self) -> ScanOutcome:
        """Grade the answers and store the grade on the inspection and the unit."""
        return self._guard(self._grades.complete)

    def override(self, grade: str, reason: str) -> ScanOutcome:
        """Replace the grade of the completed inspection on screen; the reason is required."""
        return self._guard(lambda: self._grades.override(grade, reason))
