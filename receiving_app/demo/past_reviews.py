"""Reviewed grade overrides in the demo history (no Qt).

Grade overrides have been approved, as ``review_override`` records an approval, a few hours to
two days after them, by someone other than the overrider (four eyes): another supervisor or
the admin. Nobody has reviewed anything in the last few days: those overrides still wait in
the approvals queue.
Draws come from a ``Random`` of their own, so the rest of the history is the same with or
without them.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from db.models import OverrideReview, User
from receiving_app.audit import Actor
from receiving_app.demo.history_setup import Person
from receiving_app.demo.history_tables import HistoryPart
from receiving_app.supervisor.override_queue import GRADE_OVERRIDE, grade_subject
from receiving_app.users import Role

WAITING_DAYS = 3  # overrides of the last days are not reviewed yet
APPROVE_NOTES = ("", "", "Checked the photos.", "Agreed: the grade fits the answers.")
MINUTE = datetime.timedelta(minutes=1)


@dataclass(frozen=True)
class _Review:
    subject: str
    unit_id: int
    lpn: str
    grade: str
    note: str
    by: Person
    at: datetime.datetime


@dataclass
class PastReviews(HistoryPart):
    """Approves the older grade overrides of the rows drawn for one day (``draw`` before the
    rows are written, ``write`` after)."""

    _reviews: list[_Review] = field(default_factory=list)
    _reviewers: tuple[Person, ...] = ()

    def __post_init__(self) -> None:
        admins = User.select().where((User.role == Role.ADMIN.value) & User.active)
        code = self.setup.station_code
        extra = tuple(Person(u.id, u.display_name, Actor(u.name, code)) for u in admins)
        self._reviewers = (*self.setup.supervisors, *extra)

    def draw(self) -> None:
        """Queue the approvals of the drawn overrides old enough, with their audit records."""
        lpns = {unit[0]: unit[1] for unit in self.rows.units}
        cutoff = self.now - datetime.timedelta(days=WAITING_DAYS)
        for inspection in self.rows.inspections:
            overridden_by, overridden_at = inspection[12], inspection[13]
            if overridden_at is None:
                continue
            at = overridden_at + self.rng.randint(120, 48 * 60) * MINUTE
            if at >= cutoff:
                continue
            reviewers = [p for p in self._reviewers if p.id != overridden_by]
            review = _Review(
                grade_subject(inspection[0]),
                inspection[1],
                lpns[inspection[1]],
                inspection[10],
                self.rng.choice(APPROVE_NOTES),
                self.rng.choice(reviewers),
                at,
            )
            self._reviews.append(review)

    def write(self) -> None:
        """Store the approvals (their units exist now) and queue their audit records."""
        for review in self._reviews:
            row = OverrideReview.create(
                subject=review.subject,
                kind=GRADE_OVERRIDE,
                unit=review.unit_id,
                decision="approved",
                note=review.note,
                reviewed_by=review.by.id,
                reviewed_at=review.at,
            )
            after = {
                "id": row.id,
                "lpn": review.lpn,
                "kind": GRADE_OVERRIDE,
                "note": review.note,
                "grade": review.grade,
            }
            self.audit.add(
                review.by.actor,
                review.at,
                "override.approved",
                "override_review",
                review.subject,
                None,
                after,
            )
        self._reviews.clear()
