"""Users, roles and logging in (no Qt). Roles are enforced here, not only hidden in the GUI."""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
from dataclasses import dataclass
from enum import StrEnum

from db.models import User
from receiving_app.errors import InvalidInput, PermissionDenied
from receiving_app.i18n import QT_TRANSLATE_NOOP


class Role(StrEnum):
    DOCK = "dock"
    INSPECTOR = "inspector"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


class Permission(StrEnum):
    RECEIVE = "receive"
    INSPECT = "inspect"
    APPROVE = "approve"
    EDIT_CHECKLISTS = "edit_checklists"
    EDIT_RULES = "edit_rules"
    MANAGE_USERS = "manage_users"


ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.DOCK: frozenset({Permission.RECEIVE}),
    Role.INSPECTOR: frozenset({Permission.INSPECT}),
    Role.SUPERVISOR: frozenset(
        {
            Permission.RECEIVE,
            Permission.INSPECT,
            Permission.APPROVE,
            Permission.EDIT_CHECKLISTS,
            Permission.EDIT_RULES,
        }
    ),
    Role.ADMIN: frozenset(Permission),
}

# scrypt with these costs takes ~50 ms: cheap for one login, ruinous for guessing 4-6 digit PINs.
_SCRYPT_N, _SCRYPT_R, _SCRYPT_P = 2**14, 8, 1
PIN_MIN_LENGTH = 4


@dataclass(frozen=True)
class UserInfo:
    """A logged-in user as the rest of the app sees them (never the model row)."""

    id: int
    name: str
    display_name: str
    role: Role

    def can(self, permission: Permission) -> bool:
        return permission in ROLE_PERMISSIONS[self.role]


def require(user: UserInfo, permission: Permission) -> None:
    """Raise PermissionDenied unless ``user``'s role grants ``permission``."""
    if not user.can(permission):
        raise PermissionDenied(
            QT_TRANSLATE_NOOP(
                "Error", "{user} ({role}) may not {permission}: log in as a user who may."
            ),
            user=user.display_name,
            role=user.role.value,
            permission=permission.value,
        )


def hash_pin(pin: str) -> str:
    """A slow salted hash of ``pin`` (scrypt), self-describing so costs can change later."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=_SCRYPT_N, r=_SCRYPT_R, p=_SCRYPT_P)
    encode = base64.b64encode
    return f"scrypt${_SCRYPT_N}${_SCRYPT_R}${_SCRYPT_P}${encode(salt).decode()}${encode(digest).decode()}"


def check_pin(pin: str, stored: str | None) -> bool:
    """True when ``pin`` matches the stored hash (constant-time comparison)."""
    if not stored:
        return False
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        actual = hashlib.scrypt(
            pin.encode(), salt=base64.b64decode(salt), n=int(n), r=int(r), p=int(p)
        )
    except ValueError:
        return False
    return hmac.compare_digest(actual, expected)


def validate_pin(pin: str) -> str:
    if len(pin) < PIN_MIN_LENGTH or not pin.isdigit():
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Error", "A PIN is at least {length} digits."),
            length=PIN_MIN_LENGTH,
        )
    return pin


def parse_role(text: str) -> Role:
    try:
        return Role(text.strip().lower())
    except ValueError:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("Error", "Unknown role {role}: use one of {roles}."),
            role=text,
            roles=", ".join(r.value for r in Role),
        ) from None


def user_info(user: User) -> UserInfo:
    return UserInfo(user.id, user.name, user.display_name, Role(user.role))
