"""Opening the routing rules library for a supervisor at a station (no Qt).

The station's desk knows its database, clock and station, and who is acting; the GUI gets the
library through this one call and never builds one from the parts itself.
"""

from __future__ import annotations

import peewee

from receiving_app.accounts import StationInfo
from receiving_app.clock import Clock
from receiving_app.disposition.rules_library import RulesLibrary
from receiving_app.users import UserInfo


def rules_library_for(
    database: peewee.Database, clock: Clock, station: StationInfo, user: UserInfo
) -> RulesLibrary:
    """The routing rules library for ``user``.

    Raises:
        PermissionDenied: the user's role may not edit the routing rules.
    """
    return RulesLibrary(database, clock, station, user)


__all__ = ["rules_library_for"]
