"""Trying the rules under edit on a made-up unit: where it would go, by which rule, and why.

The supervisor fills in a unit's facts (grade, category, value, vendor and its terms, days since
delivery, return reason, parcel condition); the decision of the draft is shown at once beside
what the rules in use would decide, with every route's expected recovery. Nothing is stored:
the core's ``RulesLibrary.try_unit`` decides.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, Qt, Slot
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from receiving_app.disposition.model import CONDITIONS, GRADES, Decision, Disposition, UnitFacts
from receiving_app.disposition.rules_drafts import RulesDraft
from receiving_app.disposition.rules_library import RulesLibrary, TryChoices
from receiving_app.errors import ReceivingError, StorageUnavailable
from ui.domain_words import word
from ui.restyle import set_style_properties
from ui.rules_editor.rule_form import parse_number, route_text
from ui.station_kit import error_text

ROUTE, RECOVERY = range(2)


def reason_text(message: str, params: Mapping[str, object]) -> str:
    """A decision's reason in the user's language; route codes in it are named as routes."""
    shown = dict(params)
    for key in ("route", "routes"):
        value = shown.get(key)
        if isinstance(value, str):
            shown[key] = ", ".join(
                route_text(Disposition(code)) if code in set(Disposition) else code
                for code in value.split(", ")
            )
    return QCoreApplication.translate("Routing", message).format(**shown)


class TryPanel(QWidget):
    """A unit's facts and the decision of the draft (and of the rules in use) for it."""

    def __init__(self, library: RulesLibrary, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tryPanel")
        self._library = library
        self._draft: RulesDraft | None = None
        self._in_use: RulesDraft | None = None
        self._in_use_version: int | None = None
        self._choices = TryChoices((), (), ())

        self._grade = QComboBox(self)
        self._grade.setObjectName("tryGradeBox")
        for grade in GRADES:
            self._grade.addItem(grade, grade)
        self._category = self._editable("tryCategoryBox")
        self._value = QLineEdit("120", self)
        self._value.setObjectName("tryValueInput")
        self._cost = QLineEdit("70", self)
        self._cost.setObjectName("tryCostInput")
        self._vendor = self._editable("tryVendorBox")
        self._vendor.activated.connect(self._on_vendor_activated)
        self._accepts = QCheckBox(self)
        self._accepts.setObjectName("tryVendorAccepts")
        self._window = QSpinBox(self)
        self._window.setObjectName("tryVendorWindow")
        self._window.setRange(0, 3650)
        self._days = QLineEdit(self)
        self._days.setObjectName("tryDaysInput")
        self._reason = self._editable("tryReasonBox")
        self._condition = QComboBox(self)
        self._condition.setObjectName("tryConditionBox")

        self._route = QLabel(self)
        self._route.setObjectName("tryRoute")
        self._route.setWordWrap(True)
        self._rule = QLabel(self)
        self._rule.setObjectName("tryRule")
        self._rule.setWordWrap(True)
        self._reasons = QLabel(self)
        self._reasons.setObjectName("tryReasons")
        self._reasons.setWordWrap(True)
        self._in_use_label = QLabel(self)
        self._in_use_label.setObjectName("tryInUse")
        self._in_use_label.setWordWrap(True)
        self._recoveries = QTableWidget(len(Disposition), 2, self)
        self._recoveries.setObjectName("tryRecoveryTable")
        self._recoveries.verticalHeader().setVisible(False)
        self._recoveries.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._recoveries.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        header = self._recoveries.horizontalHeader()
        header.setSectionResizeMode(ROUTE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(RECOVERY, QHeaderView.ResizeMode.ResizeToContents)
        self._recoveries.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._recoveries.setSizeAdjustPolicy(QAbstractItemView.SizeAdjustPolicy.AdjustToContents)
        self._recoveries.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self._build()
        for signal in (
            self._grade.activated,
            self._condition.activated,
            self._window.valueChanged,
            self._accepts.toggled,
        ):
            signal.connect(self.refresh)
        for line in (self._value, self._cost, self._days):
            line.textEdited.connect(self.refresh)
        for box in (self._category, self._vendor, self._reason):
            box.editTextChanged.connect(self.refresh)

    def _editable(self, name: str) -> QComboBox:
        box = QComboBox(self)
        box.setObjectName(name)
        box.setEditable(True)
        box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        return box

    def _build(self) -> None:
        facts = QGroupBox(self.tr("A unit"), self)
        form = QFormLayout(facts)
        form.addRow(self.tr("Grade"), self._grade)
        form.addRow(self.tr("Category"), self._category)
        form.addRow(self.tr("Value"), self._value)
        form.addRow(self.tr("Cost"), self._cost)
        form.addRow(self.tr("Vendor"), self._vendor)
        form.addRow(self.tr("Vendor takes returns"), self._accepts)
        form.addRow(self.tr("Vendor's window"), self._window)
        form.addRow(self.tr("Days since delivery"), self._days)
        form.addRow(self.tr("Return reason"), self._reason)
        form.addRow(self.tr("Parcel condition"), self._condition)
        self._window.setSuffix(self.tr(" days"))
        self._days.setPlaceholderText(self.tr("empty: not delivered"))
        self._condition.addItem(self.tr("not known"), None)
        for condition in CONDITIONS:
            self._condition.addItem(word("condition", condition), condition)
        self._recoveries.setHorizontalHeaderLabels([self.tr("Route"), self.tr("Recovers")])
        for row, route in enumerate(Disposition):
            self._recoveries.setItem(row, ROUTE, QTableWidgetItem(route_text(route)))
            self._recoveries.setItem(row, RECOVERY, QTableWidgetItem(""))

        decision = QGroupBox(self.tr("With the rules being edited"), self)
        decision_layout = QVBoxLayout(decision)
        decision_layout.addWidget(self._route)
        decision_layout.addWidget(self._rule)
        decision_layout.addWidget(self._reasons)
        decision_layout.addWidget(self._recoveries)
        decision_layout.addWidget(self._in_use_label)
        decision_layout.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(facts, 2)
        layout.addWidget(decision, 3)

    # -- the rules to try ---------------------------------------------------------------------

    def set_choices(self, choices: TryChoices) -> None:
        """Offer the categories, vendors and reasons on file (anything else may be typed)."""
        self._choices = choices
        for box, values in (
            (self._category, choices.categories),
            (self._vendor, ("", *(vendor.code for vendor in choices.vendors))),
            (self._reason, ("", *choices.reasons)),
        ):
            text = box.currentText()
            box.blockSignals(True)
            box.clear()
            box.addItems(list(values))
            box.setEditText(text or (values[0] if values else ""))
            box.blockSignals(False)
        self.refresh()

    def set_rules(
        self, draft: RulesDraft | None, in_use: RulesDraft | None, in_use_version: int | None
    ) -> None:
        """The draft to try, and the rules routing uses now (to compare), then decide again."""
        self._draft, self._in_use, self._in_use_version = draft, in_use, in_use_version
        self.refresh()

    # -- deciding -----------------------------------------------------------------------------

    def _facts(self) -> UnitFacts | None:
        """The unit as filled in, or None (and the wrong fields marked) when it is not a unit."""
        value_ok, value = parse_number(self._value.text())
        cost_ok, cost = parse_number(self._cost.text())
        days_ok, days = parse_number(self._days.text())
        days_ok = days_ok and (days is None or (days == days.to_integral_value() and days >= 0))
        value_ok = value_ok and value is not None and value >= 0
        cost_ok = cost_ok and (cost is None or cost >= 0)
        for field, ok in ((self._value, value_ok), (self._cost, cost_ok), (self._days, days_ok)):
            set_style_properties(field, invalid=not ok)
        if not (value_ok and cost_ok and days_ok) or value is None:
            return None
        vendor = self._vendor.currentText().strip() or None
        reason = self._reason.currentText().strip() or None
        return UnitFacts(
            grade=str(self._grade.currentData()),
            category=self._category.currentText().strip(),
            value=value,
            cost=cost if cost is not None else Decimal(0),
            vendor=vendor,
            vendor_accepts=vendor is not None and self._accepts.isChecked(),
            vendor_window_days=self._window.value(),
            days_since_delivery=int(days) if days is not None else None,
            reason=reason,
            parcel_condition=self._condition.currentData(),
        )

    @Slot()
    def refresh(self) -> None:
        """Decide again with the facts and rules as they are now."""
        facts = self._facts()
        if facts is None:
            self._show_nothing(self.tr("Fill in the unit: the value, cost and days are numbers."))
            return
        if self._draft is None:
            self._show_nothing("")
            return
        try:
            decision = self._library.try_unit(self._draft, facts)
        except (ReceivingError, StorageUnavailable) as exc:
            self._show_nothing(error_text(exc))
        else:
            self._show_decision(decision)
        self._show_in_use(facts)

    def _show_nothing(self, why: str) -> None:
        self._route.setText("—")
        set_style_properties(self._route, route="")
        self._rule.setText(why)
        self._reasons.clear()
        self._in_use_label.clear()
        for row in range(self._recoveries.rowCount()):
            self._set_recovery(row, "", False)

    def _show_decision(self, decision: Decision) -> None:
        self._route.setText(
            self.tr("{route} → {location}").format(
                route=route_text(decision.disposition), location=decision.location
            )
        )
        set_style_properties(self._route, route=decision.disposition.value)
        if decision.rule_id is None:
            self._rule.setText(self.tr("No rule matched: the default route."))
        else:
            self._rule.setText(
                self.tr("Rule {position} ({rule})").format(
                    position=decision.position, rule=decision.rule_id
                )
            )
        reasons = [reason_text(message, params) for message, params in decision.reasons]
        self._reasons.setText(self.tr("Why:") + "\n" + "\n".join(f"• {r}" for r in reasons))
        for row, route in enumerate(Disposition):
            self._set_recovery(row, str(decision.recoveries[route]), route is decision.disposition)

    def _set_recovery(self, row: int, amount: str, chosen: bool) -> None:
        font = QFont(self.font())
        font.setBold(chosen)
        for column in (ROUTE, RECOVERY):
            item = self._recoveries.item(row, column)
            if item is not None:
                item.setFont(font)
        amount_item = self._recoveries.item(row, RECOVERY)
        if amount_item is not None:
            amount_item.setText(amount)

    def _show_in_use(self, facts: UnitFacts) -> None:
        if self._in_use is None or self._in_use_version is None:
            self._in_use_label.clear()
            return
        try:
            decision = self._library.try_unit(self._in_use, facts)
        except (ReceivingError, StorageUnavailable) as exc:
            self._in_use_label.setText(error_text(exc))
            return
        self._in_use_label.setText(
            self.tr("The rules in use (version {version}) send it to {route} → {location}.").format(
                version=self._in_use_version,
                route=route_text(decision.disposition),
                location=decision.location,
            )
        )

    # -- slots --------------------------------------------------------------------------------

    @Slot(int)
    def _on_vendor_activated(self, row: int) -> None:
        code = self._vendor.itemText(row)
        terms = next((vendor for vendor in self._choices.vendors if vendor.code == code), None)
        if terms is not None:
            self._accepts.setChecked(terms.accepts_returns)
            self._window.setValue(terms.window_days)
        self.refresh()


__all__ = ["TryPanel", "reason_text"]
