"""A supervisor changing the route of the graded unit on screen, with a reason (no Qt).

The route the rules chose stays in the history; the supervisor's decision is added after it,
with the reason and who decided, audited, and the unit's new disposition label is queued. An
inspector at the station hands over to a supervisor by name and PIN for this one decision.
"""

from __future__ import annotations

from db.queries import inspections as queries
from db.transactions import write_transaction
from receiving_app.audit import Actor
from receiving_app.disposition.model import Disposition
from receiving_app.disposition.store import default_location, latest_disposition, override_route
from receiving_app.inspection import messages
from receiving_app.inspection.desk_state import OK, WARNING, C, InspectionState
from receiving_app.inspection.store import InspectContext
from receiving_app.outcomes import ScanOutcome
from receiving_app.users import Permission, UserInfo, require

ROUTE_REASON_MAX_LENGTH = 500
LOCATION_MAX_LENGTH = 64


class RouteOverrides:
    """Route overrides for one inspection desk."""

    def __init__(self, state: InspectionState) -> None:
        self._state = state

    def override(self, supervisor: UserInfo, route: str, location: str, reason: str) -> ScanOutcome:
        """Send the graded unit on screen to ``route`` (at ``location``, or the rules' location
        for that route when empty), because ``reason``."""
        require(supervisor, Permission.APPROVE)
        state = self._state
        lpn = state.session.graded_lpn
        if lpn is None:
            return state.error(C.NO_INSPECTION, messages.NO_UNIT)
        if route not in set(Disposition):
            return state.error(C.ROUTE_REFUSED, messages.ROUTE_UNKNOWN, route=route[:20])
        why = reason.strip()
        if not why or len(why) > ROUTE_REASON_MAX_LENGTH:
            limit = ROUTE_REASON_MAX_LENGTH
            return state.error(C.ROUTE_REFUSED, messages.ROUTE_REASON_NEEDED, limit=limit)
        place = location.strip()
        if len(place) > LOCATION_MAX_LENGTH:
            limit = LOCATION_MAX_LENGTH
            return state.error(C.ROUTE_REFUSED, messages.ROUTE_LOCATION_TOO_LONG, limit=limit)
        ctx = InspectContext(
            supervisor.id,
            state.station.id,
            Actor(supervisor.name, state.station.code),
            state.clock.now(),
        )
        with write_transaction(state.db):
            unit = queries.unit_for_inspection(lpn, lock=True)
            assert unit is not None
            previous = latest_disposition(unit.id)
            if previous is None:
                return state.error(C.ROUTE_REFUSED, messages.NOT_ROUTED, lpn=lpn)
            place = place or default_location(unit, Disposition(route), ctx)
            params = {"lpn": lpn, "route": route, "location": place}
            if (previous.route, previous.location) == (route, place):
                return ScanOutcome.make(
                    WARNING, C.ROUTE_REFUSED, messages.ROUTE_SAME, state.next_scan(), params
                )
            override_route(ctx, unit, previous, Disposition(route), place, why)
        return ScanOutcome.make(
            OK,
            C.ROUTE_OVERRIDDEN,
            messages.ROUTE_OVERRIDDEN,
            state.next_scan(),
            {**params, "user": supervisor.display_name},
            lpn=lpn,
        )
