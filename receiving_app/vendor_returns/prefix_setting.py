"""The dock's GS1 company prefix for SSCCs: a dock-wide setting, checked and audited (no Qt).

Stored as the ``gs1_company_prefix`` setting, JSON ``{"prefix": "0614141", "extension": 0}``.
Every station closing a batch numbers its cartons from it, so it lives in the database, not in
a station's file.
"""

from __future__ import annotations

import datetime
import json

import peewee

from db.models import Setting
from db.transactions import storage_errors, write_transaction
from receiving_app.audit import Actor, append_audit
from receiving_app.vendor_returns.sscc import CompanyPrefix, parse_company_prefix

PREFIX_SETTING = "gs1_company_prefix"


def company_prefix() -> CompanyPrefix | None:
    """The dock's company prefix, or None while nobody has set one."""
    with storage_errors():
        row = Setting.get_or_none(Setting.key == PREFIX_SETTING)
    if row is None:
        return None
    data = json.loads(row.value)
    return parse_company_prefix(str(data["prefix"]), int(data["extension"]))


def set_company_prefix(
    database: peewee.Database,
    actor: Actor,
    now: datetime.datetime,
    prefix: str,
    extension: int = 0,
) -> CompanyPrefix:
    """Check ``prefix`` and make it the dock's, audited with the value it replaces.

    Cartons already numbered keep their SSCCs; the serial references of a new prefix start
    from 1 (each prefix has its own counter).

    Raises:
        InvalidInput: the prefix is not 7 to 10 digits or the extension is not 0-9; nothing
            is stored.
    """
    company = parse_company_prefix(prefix, extension)
    with storage_errors(), write_transaction(database):
        before, value = store_company_prefix(company)
        append_audit(
            actor, now, "setting.changed", "setting", PREFIX_SETTING, before, {"value": value}
        )
    return company


def store_company_prefix(company: CompanyPrefix) -> tuple[dict[str, object] | None, str]:
    """Store the prefix inside the caller's transaction, which audits it (the demo data does
    in its one summary record); the value it replaced, if any, and the stored value."""
    value = json.dumps({"prefix": company.prefix, "extension": company.extension})
    row = Setting.get_or_none(Setting.key == PREFIX_SETTING)
    before: dict[str, object] | None = {"value": row.value} if row is not None else None
    Setting.insert(key=PREFIX_SETTING, value=value).on_conflict(
        conflict_target=[Setting.key], update={Setting.value: value}
    ).execute()
    return before, value


def serial_counter(company: CompanyPrefix) -> str:
    """The ``Sequence`` that numbers the serial references of this prefix."""
    return f"sscc_{company.prefix}"
