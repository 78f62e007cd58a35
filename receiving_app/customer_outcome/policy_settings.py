"""The outcome policy as a dock-wide setting: JSON read and checked, naming what is wrong (no Qt).

Example (every key optional; what is left out keeps its default)::

    {"refund_days": 7, "exchange_days": 15, "auto_approve_limit": 200,
     "labour": {"default": 20, "electronics": 35},
     "parts": {"electronics": {"screen": 80, "battery_health": 35}}}

``parts`` are keyed by the checklist step whose failure calls for the part.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from receiving_app.customer_outcome.policy import OutcomePolicy
from receiving_app.errors import InvalidInput
from receiving_app.i18n import QT_TRANSLATE_NOOP

_KEYS = {"refund_days", "exchange_days", "auto_approve_limit", "labour", "parts"}


class PolicyError(InvalidInput):
    """A broken outcome policy setting; ``params["field"]`` names the key."""

    context = "CustomerOutcome"


def policy_from_data(data: object) -> OutcomePolicy:
    """Build the policy from parsed JSON (numbers as int, float or Decimal).

    Raises:
        PolicyError: an unknown key, a negative or non-whole number of days, a negative amount.
    """
    if not isinstance(data, Mapping):
        raise PolicyError(QT_TRANSLATE_NOOP("CustomerOutcome", "The policy must be a JSON object."))
    for key in data:
        if key not in _KEYS:
            raise PolicyError(
                QT_TRANSLATE_NOOP("CustomerOutcome", "The policy has an unknown field {field}."),
                field=key,
            )
    values: dict[str, object] = {}
    for key in ("refund_days", "exchange_days"):
        if key in data:
            values[key] = _days(data[key], key)
    if "auto_approve_limit" in data:
        values["auto_approve_limit"] = _amount(data["auto_approve_limit"], "auto_approve_limit")
    labour = {
        str(k): _amount(v, f"labour.{k}")
        for k, v in _table(data.get("labour", {}), "labour").items()
    }
    if "default" in labour:
        values["default_labour"] = labour.pop("default")
    parts = {
        str(category): {
            str(step): _amount(price, f"parts.{category}.{step}")
            for step, price in _table(prices, f"parts.{category}").items()
        }
        for category, prices in _table(data.get("parts", {}), "parts").items()
    }
    return OutcomePolicy(labour=labour, parts=parts, **values)  # type: ignore[arg-type]


def _table(raw: object, field: str) -> Mapping[object, object]:
    if not isinstance(raw, Mapping):
        raise PolicyError(
            QT_TRANSLATE_NOOP("CustomerOutcome", "{field} must be an object of names and values."),
            field=field,
        )
    return raw


def _days(raw: object, field: str) -> int:
    if isinstance(raw, bool) or not isinstance(raw, int) or not 0 <= raw <= 3650:
        raise PolicyError(
            QT_TRANSLATE_NOOP(
                "CustomerOutcome", "{field} must be a whole number of days from 0 to 3650."
            ),
            field=field,
        )
    return raw


def _amount(raw: object, field: str) -> Decimal:
    if isinstance(raw, bool) or not isinstance(raw, int | float | Decimal):
        raise PolicyError(
            QT_TRANSLATE_NOOP("CustomerOutcome", "{field} must be an amount of 0 or more."),
            field=field,
        )
    amount = Decimal(str(raw))
    if not amount.is_finite() or amount < 0:
        raise PolicyError(
            QT_TRANSLATE_NOOP("CustomerOutcome", "{field} must be an amount of 0 or more."),
            field=field,
        )
    return amount
