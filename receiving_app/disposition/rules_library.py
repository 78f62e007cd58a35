"""The supervisor's routing rules: stored versions, drafts, trying a unit, saving (no Qt).

A rules version is never changed once stored, since every routing decision keeps the version it
used; an edit is saved as the next version and grading routes by it from then on (the latest
version is what ``store.current_rules`` reads). Saving checks the draft as a file would be
checked, refuses a draft whose base is no longer the latest version (two supervisors editing at
once must not undo each other's change silently), and writes the version with its audit record
in one transaction.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, replace

import peewee

from db.models import RoutingRulesVersion
from db.queries import routing_rules as queries
from db.transactions import storage_errors, write_transaction
from receiving_app.accounts import StationInfo
from receiving_app.audit import Actor, append_audit
from receiving_app.clock import Clock
from receiving_app.disposition.model import Decision, RulesError, RuleSet, UnitFacts
from receiving_app.disposition.routing import decide
from receiving_app.disposition.rule_files import default_rules, rules_from_text
from receiving_app.disposition.rules_drafts import RulesDraft, rules_body, rules_to_data
from receiving_app.errors import InvalidInput, NotFound
from receiving_app.i18n import QT_TRANSLATE_NOOP
from receiving_app.users import Permission, UserInfo, require

NOTE_MAX_LENGTH = 200  # the column's length
NAME_MAX_LENGTH = 120


@dataclass(frozen=True)
class RulesVersionInfo:
    """One stored version as the history lists it; ``saved_by`` is empty for the shipped rules."""

    version: int
    name: str
    saved_at: datetime.datetime
    saved_by: str
    note: str
    decisions: int
    """How many units were routed by this version."""


@dataclass(frozen=True)
class VendorTerms:
    """A vendor's return terms, to fill in the facts of a trial unit."""

    code: str
    accepts_returns: bool
    window_days: int


@dataclass(frozen=True)
class TryChoices:
    """Values on file a supervisor picks from when trying the rules on a made-up unit."""

    categories: tuple[str, ...]
    vendors: tuple[VendorTerms, ...]
    reasons: tuple[str, ...]


class RulesLibrary:
    """The stored routing rules for a supervisor: read the history, draft a change, try it on a
    unit, save it."""

    def __init__(
        self, database: peewee.Database, clock: Clock, station: StationInfo, user: UserInfo
    ) -> None:
        require(user, Permission.EDIT_RULES)
        self._db = database
        self._clock = clock
        self._station = station
        self.user = user

    def history(self) -> list[RulesVersionInfo]:
        """Every stored version, newest first, with how many units each one routed."""
        with storage_errors():
            uses = queries.decisions_per_version()
            return [_version_info(row, uses.get(row.id, 0)) for row in queries.versions()]

    def draft(self, version: int | None = None) -> RulesDraft:
        """A draft of the latest version, or of an older ``version`` to bring it back.

        Either way the draft's base is the latest version, so saving it makes the next one.
        With nothing stored yet, the draft starts from the shipped rules.

        Raises:
            NotFound: that version is not stored.
            RulesError: the stored version cannot be read (a database edited by hand).
        """
        with storage_errors():
            rows = queries.versions()
        if not rows:
            if version is not None:
                raise NotFound(_NO_VERSION, version=version)
            return RulesDraft.of_rules(default_rules(), None)
        chosen = (
            rows[0] if version is None else next((r for r in rows if r.version == version), None)
        )
        if chosen is None:
            raise NotFound(_NO_VERSION, version=version)
        return RulesDraft.of_rules(rules_from_text(chosen.body), rows[0].version)

    def try_unit(self, draft: RulesDraft, facts: UnitFacts) -> Decision:
        """Where a unit with ``facts`` would go under the draft, and why; nothing is stored.

        Raises:
            RulesError: the draft is broken (the message names the rule), or the facts are.
        """
        return decide(draft.check(), facts)

    def try_choices(self) -> TryChoices:
        """Categories, vendors and return reasons on file, to try the rules with."""
        with storage_errors():
            vendors = tuple(
                VendorTerms(row.code, bool(row.accepts_returns), row.return_window_days)
                for row in queries.vendors()
            )
            return TryChoices(
                tuple(queries.product_categories()), vendors, tuple(queries.return_reasons())
            )

    def save(self, draft: RulesDraft, note: str) -> RulesVersionInfo:
        """Store the draft as the next version, audited; grading routes by it from now on.

        Raises:
            RulesError: the draft is not a valid rule set (the message names the rule).
            InvalidInput: no note, a name too long to store, nothing changed, or another
                version was saved meanwhile.
        """
        note = note.strip()
        if not note or len(note) > NOTE_MAX_LENGTH:
            raise InvalidInput(_NOTE_NEEDED, limit=NOTE_MAX_LENGTH)
        if len(draft.check().name) > NAME_MAX_LENGTH:  # refuse a broken draft before any lock
            raise RulesError(_NAME_TOO_LONG, limit=NAME_MAX_LENGTH)
        now = self._clock.now()
        with storage_errors():
            try:
                row = self._store(draft, note, now)
            except peewee.IntegrityError:  # another station stored the same number first
                raise InvalidInput(_SAVED_MEANWHILE) from None
        return _version_info(row, 0, self.user.display_name)

    def _store(self, draft: RulesDraft, note: str, now: datetime.datetime) -> RoutingRulesVersion:
        with write_transaction(self._db):
            latest = queries.latest_version_locked()
            latest_number = latest.version if latest is not None else None
            if latest_number != draft.base_version:
                raise InvalidInput(_SAVED_MEANWHILE)
            rules = draft.check((latest_number or 0) + 1)
            if latest is not None and _same_rules(rules_from_text(latest.body), rules):
                raise InvalidInput(_NOTHING_CHANGED)
            row = RoutingRulesVersion.create(
                version=rules.version,
                name=rules.name,
                body=rules_body(rules_to_data(rules)),
                saved_at=now,
                saved_by=self.user.id,
                note=note,
            )
            append_audit(
                Actor(self.user.name, self._station.code),
                now,
                "routing_rules.saved",
                "routing_rules_version",
                rules.version,
                {"version": latest_number} if latest_number is not None else None,
                {
                    "id": row.id,
                    "version": rules.version,
                    "name": rules.name,
                    "rules": len(rules.rules),
                    "note": note,
                },
            )
            return row


def _version_info(
    row: RoutingRulesVersion, decisions: int, saver: str | None = None
) -> RulesVersionInfo:
    return RulesVersionInfo(
        version=row.version,
        name=row.name,
        saved_at=row.saved_at,
        saved_by=saver if saver is not None else (getattr(row, "saver_name", None) or ""),
        note=row.note,
        decisions=decisions,
    )


def _same_rules(stored: RuleSet, edited: RuleSet) -> bool:
    """Whether the two differ in nothing but their version number."""
    return replace(stored, version=edited.version) == edited


_NO_VERSION = QT_TRANSLATE_NOOP("Routing", "There is no stored version {version} of the rules.")
_NOTE_NEEDED = QT_TRANSLATE_NOOP(
    "Routing", "Say in a few words what you changed (at most {limit} characters)."
)
_NAME_TOO_LONG = QT_TRANSLATE_NOOP("Routing", "The name may be at most {limit} characters long.")
_NOTHING_CHANGED = QT_TRANSLATE_NOOP(
    "Routing", "Nothing changed: these are the rules routing already uses."
)
_SAVED_MEANWHILE = QT_TRANSLATE_NOOP(
    "Routing",
    "Someone saved a new version of the rules while you were editing. Open the latest version "
    "and make your change there again.",
)

__all__ = [
    "NOTE_MAX_LENGTH",
    "RulesLibrary",
    "RulesVersionInfo",
    "TryChoices",
    "VendorTerms",
]
