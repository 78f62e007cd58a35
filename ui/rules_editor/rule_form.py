"""The form for one routing rule under edit: its id, where it sends units, and its conditions.

Every edit goes straight into the core's ``RulesDraft`` and ``changed`` is emitted; the dialog
then checks the whole draft and shows what is wrong. The form only parses what is typed (a
number, a list of codes); the rules themselves are the core's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from decimal import Decimal, InvalidOperation
from functools import partial

from PySide6.QtCore import QCoreApplication, Signal, Slot
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from receiving_app.disposition.model import CONDITIONS, DISPOSITION_TEXTS, GRADES, Disposition
from receiving_app.disposition.rules_drafts import RulesDraft
from ui.domain_words import word
from ui.restyle import set_style_properties

_SEPARATORS = re.compile(r"[\s,，、;；]+")


def route_text(route: Disposition) -> str:
    """A route's name in the user's language (the core's marked ``Routing`` texts)."""
    return QCoreApplication.translate("Routing", DISPOSITION_TEXTS[route])


def parse_number(text: str) -> tuple[bool, Decimal | None]:
    """(ok, value) of a number field: empty is no number; a comma works as the decimal point."""
    text = text.strip().replace(",", ".")
    if not text:
        return True, None
    try:
        value = Decimal(text)
    except InvalidOperation:
        return False, None
    return value.is_finite(), value if value.is_finite() else None


def shown_number(value: object) -> str:
    if isinstance(value, bool) or not isinstance(value, int | Decimal):
        return ""
    return str(value)


def split_codes(text: str) -> list[str]:
    """Codes typed into one field, separated by commas or spaces (a Chinese comma too)."""
    return [code for code in _SEPARATORS.split(text) if code]


def conditions_text(draft: RulesDraft, index: int) -> str:
    """The rule's conditions in a few words, for the list of rules ("every unit" for none)."""
    translate = QCoreApplication.translate

    def listed(key: str) -> str:
        values = draft.condition(index, key)
        if not isinstance(values, list):
            return ""
        if key == "parcel_condition":
            return ", ".join(word("condition", value) for value in values)
        return ", ".join(str(value) for value in values)

    # Each source text appears literally so that pyside6-lupdate extracts it.
    parts = [
        caption.format(values=values)
        for caption, values in (
            (translate("RuleForm", "grade {values}"), listed("grade")),
            (translate("RuleForm", "category {values}"), listed("category")),
            (translate("RuleForm", "vendor {values}"), listed("vendor")),
            (translate("RuleForm", "reason {values}"), listed("reason")),
            (translate("RuleForm", "parcel {values}"), listed("parcel_condition")),
        )
        if values
    ]
    flags = {
        ("vendor_accepts", True): translate("RuleForm", "vendor takes returns"),
        ("vendor_accepts", False): translate("RuleForm", "vendor takes no returns"),
        ("within_vendor_window", True): translate("RuleForm", "inside the vendor's window"),
        ("within_vendor_window", False): translate("RuleForm", "outside the vendor's window"),
    }
    for key in ("vendor_accepts", "within_vendor_window"):
        flag = draft.condition(index, key)
        if isinstance(flag, bool):
            parts.append(flags[(key, flag)])
    for low_key, high_key, both, low_only, high_only in (
        (
            "min_days",
            "max_days",
            translate("RuleForm", "{low}–{high} days since delivery"),
            translate("RuleForm", "at least {low} days since delivery"),
            translate("RuleForm", "at most {high} days since delivery"),
        ),
        (
            "min_value",
            "max_value",
            translate("RuleForm", "value {low}–{high}"),
            translate("RuleForm", "value at least {low}"),
            translate("RuleForm", "value at most {high}"),
        ),
    ):
        low = shown_number(draft.condition(index, low_key))
        high = shown_number(draft.condition(index, high_key))
        if low and high:
            parts.append(both.format(low=low, high=high))
        elif low:
            parts.append(low_only.format(low=low))
        elif high:
            parts.append(high_only.format(high=high))
    return " · ".join(parts) if parts else translate("RuleForm", "every unit")


class RuleForm(QWidget):
    """Edits the draft's rule at ``index``; emits ``changed`` after every edit it made.

    Signals:
        changed(): the draft was changed through the form.
    """

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ruleForm")
        self._draft: RulesDraft | None = None
        self._index = -1
        self._loading = False
        self._invalid: dict[str, str] = {}  # field object name → its caption, while unparsable

        self._id = self._line("ruleIdInput", self._on_id_edited)
        self._single = QRadioButton(self)
        self._single.setObjectName("singleRouteRadio")
        self._best = QRadioButton(self)
        self._best.setObjectName("bestOfRadio")
        group = QButtonGroup(self)
        group.addButton(self._single)
        group.addButton(self._best)
        self._single.toggled.connect(self._on_mode_toggled)
        self._route = QComboBox(self)
        self._route.setObjectName("ruleRouteBox")
        for route in Disposition:
            self._route.addItem(route_text(route), route.value)
        self._route.activated.connect(self._on_route_activated)
        self._best_boxes: dict[Disposition, QCheckBox] = {}
        for route in Disposition:
            box = QCheckBox(route_text(route), self)
            box.setObjectName(f"bestOf_{route.value}")
            box.toggled.connect(self._on_best_toggled)
            self._best_boxes[route] = box
        self._location = self._line("ruleLocationInput", self._on_location_edited)
        self._note = self._line("ruleNoteInput", self._on_note_edited)

        self._grades = self._checks("grade", GRADES, lambda grade: grade)
        self._parcel = self._checks("parcel_condition", CONDITIONS, lambda c: word("condition", c))
        self._lists = {
            key: self._line(f"{name}Input", partial(self._on_list_edited, key))
            for key, name in (("category", "category"), ("vendor", "vendor"), ("reason", "reason"))
        }
        self._flags = {
            "vendor_accepts": self._flag_box("vendorAcceptsBox", "vendor_accepts"),
            "within_vendor_window": self._flag_box("withinWindowBox", "within_vendor_window"),
        }
        self._bounds = {
            key: self._line(name, partial(self._on_bound_edited, key))
            for key, name in (
                ("min_days", "minDaysInput"),
                ("max_days", "maxDaysInput"),
                ("min_value", "minValueInput"),
                ("max_value", "maxValueInput"),
            )
        }
        self._build()

    # -- building -----------------------------------------------------------------------------

    def _line(self, name: str, slot: Callable[[str], None]) -> QLineEdit:
        line = QLineEdit(self)
        line.setObjectName(name)
        line.textEdited.connect(slot)
        return line

    def _checks(
        self, key: str, values: tuple[str, ...], text: Callable[[str], str]
    ) -> dict[str, QCheckBox]:
        boxes: dict[str, QCheckBox] = {}
        for value in values:
            box = QCheckBox(text(value), self)
            box.setObjectName(f"{key}_{value}")
            box.toggled.connect(lambda _on, k=key: self._on_checks_toggled(k))
            boxes[value] = box
        return boxes

    def _flag_box(self, name: str, key: str) -> QComboBox:
        box = QComboBox(self)
        box.setObjectName(name)
        box.activated.connect(lambda _row, k=key: self._on_flag_activated(k))
        return box

    def _build(self) -> None:
        routes = QVBoxLayout()
        single = QHBoxLayout()
        single.addWidget(self._single)
        single.addWidget(self._route, 1)
        routes.addLayout(single)
        best = QHBoxLayout()
        best.addWidget(self._best)
        for box in self._best_boxes.values():
            best.addWidget(box)
        best.addStretch(1)
        routes.addLayout(best)

        self._form = QFormLayout()
        self._form.addRow(self.tr("Rule id"), self._id)
        self._form.addRow(self.tr("Send to"), routes)
        self._form.addRow(self.tr("Location"), self._location)
        self._form.addRow(self.tr("Why (note)"), self._note)

        conditions = QGroupBox(self.tr("Applies when (empty: any)"), self)
        conditions.setObjectName("conditionsBox")
        when = QFormLayout(conditions)
        when.addRow(self.tr("Grade"), self._row(self._grades.values()))
        when.addRow(self.tr("Category"), self._lists["category"])
        when.addRow(self.tr("Vendor"), self._lists["vendor"])
        when.addRow(self.tr("Return reason"), self._lists["reason"])
        when.addRow(self.tr("Parcel condition"), self._row(self._parcel.values()))
        when.addRow(self.tr("Vendor takes returns"), self._flags["vendor_accepts"])
        when.addRow(self.tr("Inside the vendor's window"), self._flags["within_vendor_window"])
        when.addRow(
            self.tr("Days since delivery"),
            self._range(self._bounds["min_days"], self._bounds["max_days"]),
        )
        when.addRow(
            self.tr("Unit value"),
            self._range(self._bounds["min_value"], self._bounds["max_value"]),
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._form)
        layout.addWidget(conditions)
        layout.addStretch(1)
        self._retranslate()

    def _row(self, widgets: Iterable[QWidget]) -> QHBoxLayout:
        row = QHBoxLayout()
        for widget in widgets:
            row.addWidget(widget)
        row.addStretch(1)
        return row

    def _range(self, low: QLineEdit, high: QLineEdit) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(low)
        row.addWidget(QLabel("–", self))
        row.addWidget(high)
        return row

    def _retranslate(self) -> None:
        self._single.setText(self.tr("Route"))
        self._best.setText(self.tr("Whichever recovers most of"))
        self._location.setPlaceholderText(
            self.tr("empty: the route's location; may use {category} and {vendor}")
        )
        self._note.setPlaceholderText(self.tr("why this rule exists"))
        for field in self._lists.values():
            field.setPlaceholderText(self.tr("any; several separated by commas"))
        self._bounds["min_days"].setPlaceholderText(self.tr("at least"))
        self._bounds["max_days"].setPlaceholderText(self.tr("at most"))
        self._bounds["min_value"].setPlaceholderText(self.tr("at least"))
        self._bounds["max_value"].setPlaceholderText(self.tr("at most"))
        for box in self._flags.values():
            box.clear()
            box.addItem(self.tr("either"), None)
            box.addItem(self.tr("yes"), True)
            box.addItem(self.tr("no"), False)

    def _captions(self) -> dict[str, str]:
        return {
            "min_days": self.tr("the fewest days since delivery"),
            "max_days": self.tr("the most days since delivery"),
            "min_value": self.tr("the lowest unit value"),
            "max_value": self.tr("the highest unit value"),
        }

    # -- showing a rule -----------------------------------------------------------------------

    def show_rule(self, draft: RulesDraft, index: int) -> None:
        """Fill the form from the draft's rule at ``index`` (without echoing edits back)."""
        self._draft, self._index = draft, index
        self._loading = True
        self._invalid.clear()
        try:
            rule = draft.rule(index)
            self._id.setText(str(rule.get("id", "")))
            self._location.setText(str(rule.get("location", "")))
            self._note.setText(str(rule.get("note", "")))
            self._show_routes(draft, index)
            for key, boxes in (("grade", self._grades), ("parcel_condition", self._parcel)):
                chosen = draft.condition(index, key)
                for value, box in boxes.items():
                    box.setChecked(isinstance(chosen, list) and value in chosen)
            for key, field in self._lists.items():
                values = draft.condition(index, key)
                field.setText(", ".join(values) if isinstance(values, list) else "")
            for key, flag in self._flags.items():
                flag.setCurrentIndex(max(0, flag.findData(draft.condition(index, key))))
            for key, field in self._bounds.items():
                field.setText(shown_number(draft.condition(index, key)))
                set_style_properties(field, invalid=False)
        finally:
            self._loading = False

    def _show_routes(self, draft: RulesDraft, index: int) -> None:
        best = draft.best_of(index)
        route = draft.route_of(index)
        self._single.setChecked(best is None)
        self._best.setChecked(best is not None)
        self._route.setEnabled(best is None)
        if route is not None:
            self._route.setCurrentIndex(self._route.findData(route.value))
        for option, box in self._best_boxes.items():
            box.setEnabled(best is not None)
            box.setChecked(best is not None and option in best)

    def invalid_field(self) -> str | None:
        """The caption of a field whose text is not a number, or None when all parse."""
        return next(iter(self._invalid.values()), None)

    def focus_id(self) -> None:
        self._id.setFocus()
        self._id.selectAll()

    # -- edits --------------------------------------------------------------------------------

    def _edit(self) -> RulesDraft | None:
        """The draft to change, or None while the form is being filled."""
        return None if self._loading or self._draft is None else self._draft

    @Slot(str)
    def _on_id_edited(self, text: str) -> None:
        if (draft := self._edit()) is not None:
            draft.set_rule_id(self._index, text)
            self.changed.emit()

    @Slot(bool)
    def _on_mode_toggled(self, single: bool) -> None:
        draft = self._edit()
        if draft is None:
            return
        if single:
            routes = draft.best_of(self._index) or [draft.default]
            draft.set_route(self._index, routes[0])
        else:
            route = draft.route_of(self._index)
            draft.set_best_of(self._index, [route] if route is not None else [])
        self.show_rule(draft, self._index)
        self.changed.emit()

    @Slot(int)
    def _on_route_activated(self, row: int) -> None:
        if (draft := self._edit()) is not None:
            draft.set_route(self._index, Disposition(self._route.itemData(row)))
            self.changed.emit()

    @Slot(bool)
    def _on_best_toggled(self, _checked: bool) -> None:
        draft = self._edit()
        if draft is None:
            return
        ticked = [route for route, box in self._best_boxes.items() if box.isChecked()]
        # Keep the order the rule lists its routes in (a tie goes to the first), new ones last.
        kept = [route for route in draft.best_of(self._index) or [] if route in ticked]
        draft.set_best_of(self._index, kept + [route for route in ticked if route not in kept])
        self.changed.emit()

    @Slot(str)
    def _on_location_edited(self, text: str) -> None:
        if (draft := self._edit()) is not None:
            draft.set_rule_location(self._index, text)
            self.changed.emit()

    @Slot(str)
    def _on_note_edited(self, text: str) -> None:
        if (draft := self._edit()) is not None:
            draft.set_note(self._index, text)
            self.changed.emit()

    def _on_checks_toggled(self, key: str) -> None:
        if (draft := self._edit()) is not None:
            boxes = self._grades if key == "grade" else self._parcel
            draft.set_list(self._index, key, [v for v, box in boxes.items() if box.isChecked()])
            self.changed.emit()

    def _on_list_edited(self, key: str, _text: str = "") -> None:
        if (draft := self._edit()) is not None:
            draft.set_list(self._index, key, split_codes(self._lists[key].text()))
            self.changed.emit()

    def _on_flag_activated(self, key: str) -> None:
        if (draft := self._edit()) is not None:
            draft.set_flag(self._index, key, self._flags[key].currentData())
            self.changed.emit()

    def _on_bound_edited(self, key: str, _text: str = "") -> None:
        draft = self._edit()
        if draft is None:
            return
        field = self._bounds[key]
        ok, value = parse_number(field.text())
        set_style_properties(field, invalid=not ok)
        if ok:
            self._invalid.pop(key, None)
            draft.set_bound(self._index, key, value)
        else:
            self._invalid[key] = self._captions()[key]
        self.changed.emit()


__all__ = [
    "RuleForm",
    "conditions_text",
    "parse_number",
    "route_text",
    "shown_number",
    "split_codes",
]
