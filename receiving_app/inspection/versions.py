"""The supervisor's checklist library: stored versions, drafts, saving and grade overrides (no Qt).

A checklist version is never changed once stored, since inspections keep the version they used;
an edit is saved as the next version of its category and new inspections take it from then on.
Saving checks the draft as a file would be checked, refuses a draft whose base is no longer the
latest version (two supervisors editing at once must not undo each other's change silently),
and writes the version with its audit record in one transaction.
"""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass, replace

import peewee

from db.models import ChecklistVersion
from db.queries import checklists as queries
from db.transactions import storage_errors, write_transaction
from receiving_app.accounts import StationInfo
from receiving_app.audit import Actor, append_audit
from receiving_app.clock import Clock
from receiving_app.errors import InvalidInput, NotFound
from receiving_app.i18n import QT_TRANSLATE_NOOP
from receiving_app.inspection.drafts import ChecklistDraft
from receiving_app.inspection.model import ChecklistError, ChecklistTemplate
from receiving_app.inspection.steps import IDENTIFIER
from receiving_app.inspection.store import template_of_body
from receiving_app.inspection.templates import template_to_data
from receiving_app.users import Permission, UserInfo, require

NOTE_MAX_LENGTH = 200
OVERRIDES_SHOWN = 500


@dataclass(frozen=True)
class VersionInfo:
    """One stored version as the history lists it; ``saved_by`` is empty for a loaded file."""

    category: str
    version: int
    name: str
    stored_at: datetime.datetime
    saved_by: str
    note: str
    inspections: int


@dataclass(frozen=True)
class OverrideInfo:
    """A grade an inspector or supervisor overrode, for the supervisors' review."""

    lpn: str
    sku: str
    computed_grade: str
    final_grade: str
    reason: str
    overridden_by: str
    overridden_at: datetime.datetime
    inspected_by: str


class ChecklistLibrary:
    """Stored checklists for a supervisor: read the history, draft a change, save it."""

    def __init__(
        self, database: peewee.Database, clock: Clock, station: StationInfo, user: UserInfo
    ) -> None:
        require(user, Permission.EDIT_CHECKLISTS)
        self._db = database
        self._clock = clock
        self._station = station
        self.user = user

    def categories(self) -> list[str]:
        with storage_errors():
            return queries.categories()

    def history(self, category: str) -> list[VersionInfo]:
        """The category's versions, newest first, with how many inspections used each."""
        with storage_errors():
            uses = queries.inspections_per_version(category)
            return [
                _version_info(row, uses.get(row.id, 0)) for row in queries.versions_of(category)
            ]

    def draft(self, category: str, version: int | None = None) -> ChecklistDraft:
        """A draft of the latest version, or of an older ``version`` to bring it back.

        Either way the draft's base is the latest version, so saving it makes the next one.

        Raises:
            NotFound: the category or that version is not stored.
        """
        with storage_errors():
            versions = queries.versions_of(category)
        if not versions:
            raise NotFound(_NO_CATEGORY, category=category)
        chosen = (
            versions[0]
            if version is None
            else next((row for row in versions if row.version == version), None)
        )
        if chosen is None:
            raise NotFound(_NO_VERSION, category=category, version=version)
        draft = ChecklistDraft.of_template(template_of_body(chosen.body))
        draft.base_version = versions[0].version
        return draft

    def new_category(self, category: str, name: str, copy_from: str) -> ChecklistDraft:
        """A draft for a new category, starting as a copy of ``copy_from``'s latest version.

        Raises:
            InvalidInput: the category is not a valid identifier, or already has a checklist.
        """
        category = category.strip()
        if not IDENTIFIER.fullmatch(category) or len(category) > 32:
            raise InvalidInput(_BAD_CATEGORY, category=category)
        if category in self.categories():
            raise InvalidInput(_CATEGORY_EXISTS, category=category)
        source = self.draft(copy_from)
        return ChecklistDraft.new_category(category, name.strip(), source.check(1))

    def save(self, draft: ChecklistDraft, note: str) -> VersionInfo:
        """Store the draft as the category's next version, audited; returns the new version.

        Raises:
            ChecklistError: the draft is not a valid checklist (the message names the step).
            InvalidInput: no note, nothing changed, or another version was saved meanwhile.
        """
        note = note.strip()
        if not note or len(note) > NOTE_MAX_LENGTH:
            raise InvalidInput(_NOTE_NEEDED, limit=NOTE_MAX_LENGTH)
        draft.check()  # refuse a broken draft before taking any lock
        now = self._clock.now()
        with storage_errors():
            try:
                row = self._store(draft, note, now)
            except peewee.IntegrityError:  # another station stored the same number first
                raise InvalidInput(_SAVED_MEANWHILE, category=draft.category) from None
        return _version_info(row, 0, self.user.display_name)

    def _store(self, draft: ChecklistDraft, note: str, now: datetime.datetime) -> ChecklistVersion:
        with write_transaction(self._db):
            latest = queries.latest_version_locked(draft.category)
            latest_number = latest.version if latest is not None else None
            if latest_number != draft.base_version:
                raise InvalidInput(_SAVED_MEANWHILE, category=draft.category)
            template = draft.check((latest_number or 0) + 1)
            if latest is not None and _same_checklist(template_of_body(latest.body), template):
                raise InvalidInput(_NOTHING_CHANGED, category=draft.category)
            body = json.dumps(template_to_data(template), ensure_ascii=False, sort_keys=True)
            row = ChecklistVersion.create(
                category=template.category,
                version=template.version,
                name=template.name,
                body=body,
                loaded_at=now,
                saved_by=self.user.id,
                note=note,
            )
            append_audit(
                Actor(self.user.name, self._station.code),
                now,
                "checklist.saved",
                "checklist_version",
                f"{template.category}@{template.version}",
                {"version": latest_number} if latest_number is not None else None,
                {
                    "id": row.id,
                    "category": template.category,
                    "version": template.version,
                    "steps": len(template.steps),
                    "note": note,
                },
            )
            return row

    def recent_overrides(self, days: int = 30) -> list[OverrideInfo]:
        """Grade overrides of the last ``days`` days, newest first (supervisors only)."""
        require(self.user, Permission.APPROVE)
        since = self._clock.now() - datetime.timedelta(days=days)
        with storage_errors():
            rows = queries.overrides_since(since, OVERRIDES_SHOWN)
        return [
            OverrideInfo(
                lpn=row.lpn,
                sku=row.sku,
                computed_grade=row.computed_grade or "",
                final_grade=row.final_grade or "",
                reason=row.reason or "",
                overridden_by=row.overridden_by or "",
                overridden_at=row.overridden_at,
                inspected_by=row.inspected_by or "",
            )
            for row in rows
        ]


def latest_template(category: str) -> ChecklistTemplate:
    """The category's latest stored version: what a new inspection of that category uses.

    Raises:
        ChecklistError: no version of ``category`` is stored (``params["known"]`` lists those
            that are).
    """
    with storage_errors():
        versions = queries.versions_of(category)
        if not versions:
            known = ", ".join(queries.categories())
            raise ChecklistError(_NO_CHECKLIST, category=category, known=known)
    return template_of_body(versions[0].body)


def _version_info(row: ChecklistVersion, uses: int, saver: str | None = None) -> VersionInfo:
    return VersionInfo(
        category=row.category,
        version=row.version,
        name=row.name,
        stored_at=row.loaded_at,
        saved_by=saver if saver is not None else (getattr(row, "saver_name", None) or ""),
        note=row.note,
        inspections=uses,
    )


def _same_checklist(stored: ChecklistTemplate, edited: ChecklistTemplate) -> bool:
    """Whether the two differ in nothing but their version number."""
    return template_to_data(replace(stored, version=edited.version)) == template_to_data(edited)


# The same text as ``catalog.current_template``'s: one message whichever source is read.
_NO_CHECKLIST = QT_TRANSLATE_NOOP(
    "Checklist", "There is no checklist for the category {category}; known: {known}."
)
_NO_CATEGORY = QT_TRANSLATE_NOOP("Checklist", "There is no stored checklist for {category}.")
_NO_VERSION = QT_TRANSLATE_NOOP("Checklist", "{category} has no stored version {version}.")
_BAD_CATEGORY = QT_TRANSLATE_NOOP(
    "Checklist",
    "The category {category} is not allowed: use up to 32 lower-case letters, digits and _, "
    "starting with a letter.",
)
_CATEGORY_EXISTS = QT_TRANSLATE_NOOP(
    "Checklist", "{category} already has a checklist: open it and change it instead."
)
_NOTE_NEEDED = QT_TRANSLATE_NOOP(
    "Checklist", "Say in a few words what you changed (at most {limit} characters)."
)
_NOTHING_CHANGED = QT_TRANSLATE_NOOP(
    "Checklist", "Nothing changed: this is the checklist {category} already uses."
)
_SAVED_MEANWHILE = QT_TRANSLATE_NOOP(
    "Checklist",
    "Someone saved a new version of {category} while you were editing. Open the latest "
    "version and make your change there again.",
)

__all__ = ["NOTE_MAX_LENGTH", "ChecklistLibrary", "OverrideInfo", "VersionInfo", "latest_template"]
