"""The marked texts of inspection outcomes (context ``Outcome``), translated at the edge."""

from __future__ import annotations

from receiving_app.i18n import QT_TRANSLATE_NOOP

LOGGED_IN = QT_TRANSLATE_NOOP("Outcome", "Hello {user} ({role}) at {station}. Scan a unit's LPN.")
EXPECT_LPN = QT_TRANSLATE_NOOP("Outcome", "Not an LPN: {text}. Scan the LPN label on the unit.")
NO_UNIT = QT_TRANSLATE_NOOP("Outcome", "Scan a unit's LPN first.")
STARTED = QT_TRANSLATE_NOOP(
    "Outcome", "{lpn}: {sku} {name}. Checklist {checklist} v{version}: answer step 1."
)
RESUMED = QT_TRANSLATE_NOOP(
    "Outcome", "{lpn}: resuming the inspection started at {time} by {user} ({answered} answered)."
)
NOT_READY = QT_TRANSLATE_NOOP(
    "Outcome",
    "{lpn} is still in receiving: close the parcel first, then scan the LPN again.",
)
NOT_INSPECTABLE = QT_TRANSLATE_NOOP(
    "Outcome", "{lpn} is {state}: it cannot be inspected now. Ask a supervisor."
)
ALREADY_GRADED = QT_TRANSLATE_NOOP(
    "Outcome",
    "{lpn} was already graded {grade} at {time} by {user}. Press F8 to inspect it again.",
)
NO_CHECKLIST = QT_TRANSLATE_NOOP(
    "Outcome", "No checklist is loaded for {category} (nor general): ask a supervisor."
)
CONFIRM_ABANDON = QT_TRANSLATE_NOOP(
    "Outcome",
    "{current} is half done. Confirm to leave it for later and open {lpn}, or go on.",
)
ANSWER_SAVED = QT_TRANSLATE_NOOP("Outcome", "Step {position} ({step}) saved.")
ANSWER_UNCHANGED = QT_TRANSLATE_NOOP("Outcome", "Step {position} ({step}) already had this answer.")
ALL_ANSWERED = QT_TRANSLATE_NOOP("Outcome", "Every step is answered: complete the inspection.")
UNKNOWN_STEP = QT_TRANSLATE_NOOP("Outcome", "This checklist has no step {step}.")
PHOTO_STEP = QT_TRANSLATE_NOOP(
    "Outcome", "Step {position} ({step}) takes a photo: attach the picture file."
)
STEP_SHOWN = QT_TRANSLATE_NOOP("Outcome", "Step {position} of {total}.")
NOT_IN_PROGRESS = QT_TRANSLATE_NOOP(
    "Outcome", "The inspection of {lpn} is already completed: nothing was changed."
)
COMPLETED = QT_TRANSLATE_NOOP(
    "Outcome", "{lpn}: grade {grade}, {route} to {location}. Failing steps: {failures}."
)
ALREADY_COMPLETED = QT_TRANSLATE_NOOP(
    "Outcome", "{lpn} was already completed with grade {grade} at {time} by {user}."
)
OVERRIDDEN = QT_TRANSLATE_NOOP(
    "Outcome", "{lpn}: grade changed from {before} to {grade}, now {route} to {location}."
)
OVERRIDE_NOT_COMPLETED = QT_TRANSLATE_NOOP(
    "Outcome", "Only a completed inspection's grade can be overridden: complete it first."
)
OVERRIDE_NOT_LATEST = QT_TRANSLATE_NOOP(
    "Outcome", "{lpn} was inspected again since: override the latest inspection instead."
)
BAD_GRADE = QT_TRANSLATE_NOOP("Outcome", "Unknown grade {grade}: use A, B or C.")
REASON_NEEDED = QT_TRANSLATE_NOOP(
    "Outcome", "Say why the grade is overridden (1 to {limit} characters)."
)
SAME_GRADE = QT_TRANSLATE_NOOP("Outcome", "{lpn} already has grade {grade}: nothing was changed.")
PHOTO_ATTACHED = QT_TRANSLATE_NOOP("Outcome", "Photo attached to step {position} ({step}).")
NOT_A_PHOTO_STEP = QT_TRANSLATE_NOOP("Outcome", "Step {position} ({step}) does not take a photo.")
REPORT_SAVED = QT_TRANSLATE_NOOP("Outcome", "Inspection report of {lpn} saved as {file}.")
ROUTE_OVERRIDDEN = QT_TRANSLATE_NOOP("Outcome", "{lpn}: now {route} to {location}, by {user}.")
ROUTE_SAME = QT_TRANSLATE_NOOP(
    "Outcome", "{lpn} already goes {route} to {location}: nothing was changed."
)
ROUTE_UNKNOWN = QT_TRANSLATE_NOOP(
    "Outcome", "Unknown route {route}: use restock, refurbish, vendor_return or scrap."
)
ROUTE_REASON_NEEDED = QT_TRANSLATE_NOOP(
    "Outcome", "Say why the route is changed (1 to {limit} characters)."
)
ROUTE_LOCATION_TOO_LONG = QT_TRANSLATE_NOOP(
    "Outcome", "The location may have at most {limit} characters."
)
NOT_ROUTED = QT_TRANSLATE_NOOP("Outcome", "{lpn} has no route yet: grade it first.")
