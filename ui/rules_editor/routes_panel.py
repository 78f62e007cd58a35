"""The part of the rules that is not one rule: the default route, each route's location, and the
figures behind every route's expected recovery.

Every edit goes straight into the core's ``RulesDraft`` and ``changed`` follows; a figure that
is not a number is marked and not taken (the dialog names it as the problem).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from receiving_app.disposition.model import Disposition, RulesError
from receiving_app.disposition.rules_drafts import DEFAULT_COST, RATIOS, RulesDraft
from ui.restyle import set_style_properties
from ui.rules_editor.rule_form import parse_number, route_text, shown_number
from ui.station_kit import error_text

CATEGORY, COST = range(2)
KEY_ROLE = Qt.ItemDataRole.UserRole


class RoutesPanel(QWidget):
    """Edits the default route, the locations and the recovery figures of the draft.

    Signals:
        changed(): the draft was changed through the panel.
        refused(str): an edit was refused (a category name that is not one); the text says why.
    """

    changed = Signal()
    refused = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("routesPanel")
        self._draft: RulesDraft | None = None
        self._loading = False
        self._invalid: dict[str, str] = {}

        self._default = QComboBox(self)
        self._default.setObjectName("defaultRouteBox")
        for route in Disposition:
            self._default.addItem(route_text(route), route.value)
        self._default.activated.connect(self._on_default_activated)
        self._locations = {
            route: self._line(f"location_{route.value}", partial(self._on_location, route))
            for route in Disposition
        }
        self._ratios = {
            key: self._line(f"ratio_{key}", partial(self._on_ratio, key)) for key in RATIOS
        }
        self._costs = QTableWidget(0, 2, self)
        self._costs.setObjectName("refurbishCostTable")
        self._costs.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self._costs.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self._costs.verticalHeader().setVisible(False)
        header = self._costs.horizontalHeader()
        header.setSectionResizeMode(CATEGORY, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COST, QHeaderView.ResizeMode.ResizeToContents)
        self._costs.itemChanged.connect(self._on_cost_changed)
        self._new_category = QLineEdit(self)
        self._new_category.setObjectName("costCategoryInput")
        self._new_cost = QLineEdit(self)
        self._new_cost.setObjectName("costAmountInput")
        self._add_cost = self._button("addCostButton", self._on_add_cost)
        self._remove_cost = self._button("removeCostButton", self._on_remove_cost)
        self._build()

    def _line(self, name: str, slot: Callable[[str], None]) -> QLineEdit:
        line = QLineEdit(self)
        line.setObjectName(name)
        line.textEdited.connect(slot)
        return line

    def _button(self, name: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(self)
        button.setObjectName(name)
        button.setAutoDefault(False)
        button.clicked.connect(slot)
        return button

    def _build(self) -> None:
        routes = QGroupBox(self.tr("Routes"), self)
        form = QFormLayout(routes)
        form.addRow(self.tr("When no rule matches"), self._default)
        for route, field in self._locations.items():
            form.addRow(self.tr("Location for {route}").format(route=route_text(route)), field)
        hint = QLabel(
            self.tr(
                "{category} and {vendor} are filled in from the unit; a unit without a vendor "
                "gets NONE."
            ),
            routes,
        )
        hint.setObjectName("dialogHint")
        hint.setWordWrap(True)
        form.addRow(hint)

        recovery = QGroupBox(self.tr("Expected recovery"), self)
        figures = QFormLayout()
        captions = {
            "restock_ratio": self.tr("Restock (A only): share of the value"),
            "refurbish_resale_ratio": self.tr("Refurbish: share of the value resold"),
            "vendor_credit_ratio": self.tr("Vendor return: share of the cost credited"),
            "scrap_ratio": self.tr("Scrap: share of the value a liquidator pays"),
        }
        self._ratio_captions = captions
        for key, field in self._ratios.items():
            field.setPlaceholderText(self.tr("e.g. 0.6"))
            figures.addRow(captions[key], field)
        self._costs.setHorizontalHeaderLabels([self.tr("Category"), self.tr("Refurbish cost")])
        add = QHBoxLayout()
        self._new_category.setPlaceholderText(self.tr("category"))
        self._new_cost.setPlaceholderText(self.tr("cost"))
        self._add_cost.setText(self.tr("Add or change"))
        self._remove_cost.setText(self.tr("Remove"))
        add.addWidget(self._new_category, 2)
        add.addWidget(self._new_cost, 1)
        add.addWidget(self._add_cost)
        add.addWidget(self._remove_cost)
        recovery_layout = QVBoxLayout(recovery)
        recovery_layout.addLayout(figures)
        recovery_layout.addWidget(self._costs, 1)
        recovery_layout.addLayout(add)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(routes, 1)
        layout.addWidget(recovery, 1)

    # -- showing ------------------------------------------------------------------------------

    def show_draft(self, draft: RulesDraft) -> None:
        self._draft = draft
        self._loading = True
        self._invalid.clear()
        try:
            self._default.setCurrentIndex(self._default.findData(draft.default.value))
            for route, field in self._locations.items():
                field.setText(draft.location_of(route))
            for key, field in self._ratios.items():
                field.setText(shown_number(draft.ratio(key)))
                set_style_properties(field, invalid=False)
            self._fill_costs(draft)
        finally:
            self._loading = False

    def _fill_costs(self, draft: RulesDraft, select: str | None = None) -> None:
        costs = draft.refurbish_costs()
        names = [DEFAULT_COST] + sorted(name for name in costs if name != DEFAULT_COST)
        loading, self._loading = self._loading, True
        self._costs.setRowCount(len(names))
        for row, name in enumerate(names):
            shown = self.tr("any other category") if name == DEFAULT_COST else name
            category = QTableWidgetItem(shown)
            category.setData(KEY_ROLE, name)  # the key, whatever is shown
            category.setFlags(category.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self._costs.setItem(row, CATEGORY, category)
            self._costs.setItem(row, COST, QTableWidgetItem(shown_number(costs.get(name))))
            if name == select:
                self._costs.selectRow(row)
        self._loading = loading

    def invalid_field(self) -> str | None:
        """The caption of a figure whose text is not a number, or None when all parse."""
        return next(iter(self._invalid.values()), None)

    # -- edits --------------------------------------------------------------------------------

    def _edit(self) -> RulesDraft | None:
        return None if self._loading or self._draft is None else self._draft

    @Slot(int)
    def _on_default_activated(self, row: int) -> None:
        if (draft := self._edit()) is not None:
            draft.set_default(Disposition(self._default.itemData(row)))
            self.changed.emit()

    def _on_location(self, route: Disposition, _text: str = "") -> None:
        if (draft := self._edit()) is not None:
            draft.set_location(route, self._locations[route].text())
            self.changed.emit()

    def _on_ratio(self, key: str, _text: str = "") -> None:
        draft = self._edit()
        if draft is None:
            return
        field = self._ratios[key]
        ok, value = parse_number(field.text())
        ok = ok and value is not None  # a ratio cannot be left out
        set_style_properties(field, invalid=not ok)
        if ok and value is not None:
            self._invalid.pop(key, None)
            draft.set_ratio(key, value)
        else:
            self._invalid[key] = self._ratio_captions[key]
        self.changed.emit()

    @Slot(QTableWidgetItem)
    def _on_cost_changed(self, item: QTableWidgetItem) -> None:
        draft = self._edit()
        if draft is None or item.column() != COST:
            return
        key_item = self._costs.item(item.row(), CATEGORY)
        name = str(key_item.data(KEY_ROLE)) if key_item is not None else ""
        ok, value = parse_number(item.text())
        if ok and value is not None:
            self._invalid.pop(f"cost:{name}", None)
            draft.set_refurbish_cost(name, value)
        else:
            shown = key_item.text() if key_item is not None else name
            self._invalid[f"cost:{name}"] = self.tr("the refurbish cost of {category}").format(
                category=shown
            )
        self.changed.emit()

    @Slot()
    def _on_add_cost(self) -> None:
        draft = self._edit()
        if draft is None:
            return
        ok, value = parse_number(self._new_cost.text())
        set_style_properties(self._new_cost, invalid=not ok or value is None)
        if not ok or value is None:
            return
        category = self._new_category.text().strip()
        try:
            draft.set_refurbish_cost(category, value)
        except RulesError as exc:
            self.refused.emit(error_text(exc))
            return
        self._new_category.clear()
        self._new_cost.clear()
        self._fill_costs(draft, category)
        self.changed.emit()

    @Slot()
    def _on_remove_cost(self) -> None:
        draft = self._edit()
        rows = self._costs.selectionModel().selectedRows()
        if draft is None or not rows:
            return
        item = self._costs.item(rows[0].row(), CATEGORY)
        if item is None:
            return
        try:
            draft.set_refurbish_cost(str(item.data(KEY_ROLE)), None)
        except RulesError as exc:
            self.refused.emit(error_text(exc))
            return
        self._fill_costs(draft)
        self.changed.emit()


__all__ = ["RoutesPanel"]
