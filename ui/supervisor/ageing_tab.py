"""The ageing tab of the supervisor's desk: the units waiting at the dock (received, not
inspected; graded, not moved), oldest first, against the dock's targets; the targets editor;
and put-away (scan the LPN, then the bin).

The waiting units, their targets and what is over come from the core; the tab only filters by
state and shows. Saving the targets and putting a unit away are core calls, audited there.
"""

from __future__ import annotations

import json
from typing import cast

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from receiving_app.errors import ReceivingError, StorageUnavailable
from receiving_app.supervisor.ageing import (
    GRADED,
    MAX_TARGET_HOURS,
    RECEIVED,
    WAITING_STATES,
    Ageing,
    StateTotals,
    WaitingUnit,
)
from receiving_app.supervisor.putaway import PutAway
from receiving_app.supervisor.service import SupervisorDesk
from ui.domain_words import word
from ui.item_models import row_colours
from ui.item_models.view_table_model import KeyedTableModel
from ui.station_kit import error_text
from ui.supervisor.desk_tab import DeskTab
from ui.supervisor.queue_widgets import (
    age_text,
    queue_table,
    say,
    select_row,
    selected_row,
    show_title,
)

ALL_STATES = ""
"""The state filter's value for every waiting unit."""
TOTALS_PARTS = ("Count", "OverTarget", "Oldest", "Target")
"""The figures per state in the totals; objectNames are the state then the part,
e.g. "receivedOverTarget"."""


class AgeingModel(KeyedTableModel[WaitingUnit]):
    """Columns: LPN, SKU, state, received, age, waited in state, target, goes to; rows over
    target are tinted."""

    @override
    def key_of(self, row: WaitingUnit) -> str:
        return row.lpn

    @override
    def _titles(self) -> tuple[str, ...]:
        return (
            self.tr("LPN"),
            self.tr("SKU"),
            self.tr("State"),
            self.tr("Received"),
            self.tr("Age"),
            self.tr("Waited in state"),
            self.tr("Target"),
            self.tr("Goes to"),
        )

    @override
    def _display(self, row: object) -> tuple[object, ...]:
        unit = cast(WaitingUnit, row)
        goes_to = ""
        if unit.disposition is not None:
            goes_to = f"{word('route', unit.disposition)} @ {unit.location or '-'}"
        return (
            unit.lpn,
            unit.sku,
            word("state", unit.state),
            f"{unit.received_at:%m-%d %H:%M}",
            age_text(unit.age_hours),
            age_text(unit.waited_hours),
            self.tr("{hours} h").format(hours=unit.target_hours),
            goes_to,
        )

    @override
    def _background(self, row: object) -> object:
        return row_colours.ATTENTION if cast(WaitingUnit, row).over_target else None


class AgeingTab(DeskTab):
    """Totals per state, the state filter, the targets, the waiting units and put-away."""

    def __init__(self, desk: SupervisorDesk, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ageingTab")
        self._desk = desk
        self._ageing = Ageing((), ())
        self._targets_edited = False
        self._model = AgeingModel(self)
        self._table = queue_table(self, "ageingTable", self._model)
        self._message = QLabel(self)
        self._message.setObjectName("ageingMessage")
        self._message.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self._build_totals())
        top.addWidget(self._build_targets())
        top.addStretch(1)
        top.addLayout(self._build_filter())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 6, 4, 4)
        layout.setSpacing(4)
        layout.addLayout(top)
        layout.addWidget(self._table, 1)
        layout.addWidget(self._build_put_away())
        layout.addWidget(self._message)
        self._retranslate()

    # -- building -------------------------------------------------------------------------------

    def _build_totals(self) -> QGroupBox:
        self._totals_box = QGroupBox(self)
        self._totals_box.setObjectName("ageingTotals")
        grid = QGridLayout(self._totals_box)
        grid.setContentsMargins(8, 2, 8, 4)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(1)
        self._totals_headers = [QLabel(self._totals_box) for _ in TOTALS_PARTS]
        for column, header in enumerate(self._totals_headers, start=1):
            header.setObjectName("ageingHeader")
            grid.addWidget(header, 0, column)
        self._state_captions: dict[str, QLabel] = {}
        self._totals: dict[str, QLabel] = {}
        for row, state in enumerate(WAITING_STATES, start=1):
            self._state_captions[state] = QLabel(self._totals_box)
            grid.addWidget(self._state_captions[state], row, 0)
            for column, part in enumerate(TOTALS_PARTS, start=1):
                figure = QLabel(self._totals_box)
                figure.setObjectName(f"{state}{part}")
                figure.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self._totals[f"{state}{part}"] = figure
                grid.addWidget(figure, row, column)
        return self._totals_box

    def _build_targets(self) -> QGroupBox:
        self._targets_box = QGroupBox(self)
        self._targets_box.setObjectName("ageingTargets")
        grid = QGridLayout(self._targets_box)
        grid.setContentsMargins(8, 2, 8, 4)
        grid.setVerticalSpacing(1)
        self._inspect_caption = QLabel(self._targets_box)
        self._inspect_target = self._target_box("inspectTargetHours")
        self._stock_caption = QLabel(self._targets_box)
        self._stock_target = self._target_box("stockTargetHours")
        self._inspect_caption.setBuddy(self._inspect_target)
        self._stock_caption.setBuddy(self._stock_target)
        self._save_targets = QPushButton(self._targets_box)
        self._save_targets.setObjectName("saveTargetsButton")
        self._save_targets.clicked.connect(self._on_save_targets_clicked)
        grid.addWidget(self._inspect_caption, 0, 0)
        grid.addWidget(self._inspect_target, 0, 1)
        grid.addWidget(self._stock_caption, 1, 0)
        grid.addWidget(self._stock_target, 1, 1)
        grid.addWidget(self._save_targets, 0, 2, 2, 1)
        return self._targets_box

    def _target_box(self, name: str) -> QSpinBox:
        box = QSpinBox(self._targets_box)
        box.setObjectName(name)
        box.setRange(1, MAX_TARGET_HOURS)
        box.valueChanged.connect(self._on_target_edited)
        return box

    def _build_filter(self) -> QVBoxLayout:
        self._state_caption = QLabel(self)
        self._state = QComboBox(self)
        self._state.setObjectName("ageingState")
        for state in (ALL_STATES, *WAITING_STATES):
            self._state.addItem("", state)
        self._state.currentIndexChanged.connect(self._on_state_changed)
        self._state_caption.setBuddy(self._state)
        self._tint_hint = QLabel(self)
        self._tint_hint.setObjectName("ageingHint")
        column = QVBoxLayout()
        row = QHBoxLayout()
        row.addWidget(self._state_caption)
        row.addWidget(self._state)
        column.addLayout(row)
        column.addWidget(self._tint_hint)
        return column

    def _build_put_away(self) -> QGroupBox:
        self._put_away_box = QGroupBox(self)
        self._put_away_box.setObjectName("putAwayBox")
        self._lpn = QLineEdit(self._put_away_box)
        self._lpn.setObjectName("putAwayLpn")
        self._lpn.setMaxLength(40)
        self._lpn.returnPressed.connect(self._on_lpn_entered)
        self._location = QLineEdit(self._put_away_box)
        self._location.setObjectName("putAwayLocation")
        self._location.setMaxLength(64)
        self._location.returnPressed.connect(self._on_put_away_clicked)
        self._put_away = QPushButton(self._put_away_box)
        self._put_away.setObjectName("putAwayButton")
        self._put_away.clicked.connect(self._on_put_away_clicked)
        row = QHBoxLayout(self._put_away_box)
        row.setContentsMargins(8, 2, 8, 4)
        row.addWidget(self._lpn, 1)
        row.addWidget(self._location, 1)
        row.addWidget(self._put_away)
        return self._put_away_box

    # -- the desk's calls -----------------------------------------------------------------------

    @override
    def title(self) -> str:
        over = sum(totals.over_target for totals in self._ageing.totals)
        return self.tr("Ageing ({over} over target)").format(over=over)

    @override
    def refresh(self) -> None:
        """Read the waiting units and the targets again, keeping the selected unit selected
        (and targets being edited as they are)."""
        try:
            ageing = self._desk.ageing()
            targets = None if self._targets_edited else self._desk.ageing_targets()
        except (ReceivingError, StorageUnavailable) as exc:
            say(self._message, error_text(exc), "error")
            return
        self._ageing = ageing
        if targets is not None:
            self._show_targets(targets)
        self._show_totals()
        self._show_units()
        show_title(self)

    # -- showing --------------------------------------------------------------------------------

    def _show_targets(self, targets: dict[str, int]) -> None:
        for box, state in ((self._inspect_target, RECEIVED), (self._stock_target, GRADED)):
            box.blockSignals(True)
            box.setValue(targets[state])
            box.blockSignals(False)
        self._targets_edited = False

    def _show_totals(self) -> None:
        for totals in self._ageing.totals:
            self._show_state_totals(totals)

    def _show_state_totals(self, totals: StateTotals) -> None:
        state = totals.state
        oldest = "–" if totals.oldest_hours is None else age_text(totals.oldest_hours)
        self._totals[f"{state}Count"].setText(str(totals.count))
        self._totals[f"{state}OverTarget"].setText(str(totals.over_target))
        self._totals[f"{state}Oldest"].setText(oldest)
        self._totals[f"{state}Target"].setText(
            self.tr("{hours} h").format(hours=totals.target_hours)
        )

    def _show_units(self) -> None:
        """Show the units of the chosen state, keeping the selected LPN selected."""
        row = selected_row(self._table)
        chosen = self._model.row_at(row)
        state = self._state.currentData()
        units = [unit for unit in self._ageing.units if state in (ALL_STATES, unit.state)]
        self._model.set_rows(units)
        kept = None if chosen is None else self._model.row_of(chosen.lpn)
        if kept is not None:
            select_row(self._table, kept)
        elif row is not None:
            select_row(self._table, row)

    @override
    def _retranslate(self) -> None:
        self._totals_box.setTitle(self.tr("Waiting now"))
        headers = (self.tr("Units"), self.tr("Over target"), self.tr("Oldest"), self.tr("Target"))
        for label, text in zip(self._totals_headers, headers, strict=True):
            label.setText(text)
        self._state_captions[RECEIVED].setText(self.tr("Received, not inspected"))
        self._state_captions[GRADED].setText(self.tr("Graded, not moved"))
        self._targets_box.setTitle(self.tr("Targets, from receipt"))
        self._inspect_caption.setText(self.tr("&Inspected within"))
        self._stock_caption.setText(self.tr("&Dock-to-stock within"))
        for box in (self._inspect_target, self._stock_target):
            box.setSuffix(self.tr(" h"))
        self._save_targets.setText(self.tr("&Save targets"))
        self._state_caption.setText(self.tr("S&how"))
        texts = {
            ALL_STATES: self.tr("All waiting units"),
            RECEIVED: self.tr("Received, not inspected"),
            GRADED: self.tr("Graded, not moved"),
        }
        for index in range(self._state.count()):
            self._state.setItemText(index, texts[self._state.itemData(index)])
        self._tint_hint.setText(self.tr("Tinted rows are over their target."))
        self._put_away_box.setTitle(self.tr("Put away"))
        self._lpn.setPlaceholderText(self.tr("Scan the unit's LPN"))
        self._location.setPlaceholderText(self.tr("Then scan the bin (location)"))
        self._put_away.setText(self.tr("&Put away"))
        self._model.headerDataChanged.emit(
            Qt.Orientation.Horizontal, 0, self._model.columnCount() - 1
        )
        show_title(self)

    # -- slots ----------------------------------------------------------------------------------

    @Slot(int)
    def _on_state_changed(self, _index: int) -> None:
        self._show_units()

    @Slot(int)
    def _on_target_edited(self, _value: int) -> None:
        self._targets_edited = True

    @Slot()
    def _on_save_targets_clicked(self) -> None:
        text = json.dumps(
            {RECEIVED: self._inspect_target.value(), GRADED: self._stock_target.value()}
        )
        try:
            saved = self._desk.set_ageing_targets(text)
        except (ReceivingError, StorageUnavailable) as exc:
            say(self._message, error_text(exc), "error")
            return
        self._show_targets(saved)
        say(
            self._message,
            self.tr(
                "Targets saved: inspected within {received} h, dock-to-stock within {graded} h."
            ).format(received=saved[RECEIVED], graded=saved[GRADED]),
            "ok",
        )
        self.refresh()

    @Slot()
    def _on_lpn_entered(self) -> None:
        if self._lpn.text().strip():
            self._location.setFocus()

    @Slot()
    def _on_put_away_clicked(self) -> None:
        lpn, location = self._lpn.text(), self._location.text()
        if not lpn.strip():
            self._lpn.setFocus()
            return
        try:
            done = self._desk.put_away(lpn, location.strip() or None)
        except (ReceivingError, StorageUnavailable) as exc:
            say(self._message, error_text(exc), "error")
            self._location.selectAll()
            self._location.setFocus()
            return
        say(self._message, self._put_away_text(done), "ok")
        self._lpn.clear()
        self._location.clear()
        self._lpn.setFocus()
        self.refresh()

    def _put_away_text(self, done: PutAway) -> str:
        if done.repeated:
            return self.tr("{lpn} was already put away at {location} by {user}, {time}.").format(
                lpn=done.lpn,
                location=done.location,
                user=done.moved_by,
                time=f"{done.moved_at:%m-%d %H:%M}",
            )
        return self.tr("{lpn} put away at {location} ({route}).").format(
            lpn=done.lpn, location=done.location, route=word("route", done.disposition)
        )
