"""The vendor returns tab of the supervisor's desk: the vendor-return batches, the selected
batch's units, and what a supervisor does with a batch (record the vendor's RMA number, close it
into cartons, save its manifest and carton labels, record its shipment), with the dock's GS1
company prefix that closing needs.

Every change is a core call (``VendorReturns``), checked and audited there; the tab only offers
the actions the selected batch's state allows and shows what the core answers.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import cast

from PySide6.QtCore import QCoreApplication, QStandardPaths, Qt, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from receiving_app.errors import ReceivingError, StorageUnavailable
from receiving_app.files import write_whole
from receiving_app.i18n import TranslateFn
from receiving_app.vendor_returns.desk import VendorReturns
from receiving_app.vendor_returns.sscc import CompanyPrefix
from receiving_app.vendor_returns.views import BatchDetail, BatchLine, BatchSummary
from ui.domain_words import word
from ui.item_models.view_table_model import KeyedTableModel, ViewTableModel
from ui.qt_dates import to_date, to_qdate
from ui.station_kit import error_text
from ui.supervisor.desk_tab import DeskTab
from ui.supervisor.queue_widgets import queue_table, say, select_row, selected_row, show_title

PathChooser = Callable[[QWidget, Path], Path | None]
"""Asks where to save, starting from a suggested file (its suffix says the kind); None when the
user cancelled."""

OPEN, CLOSED, SHIPPED = "open", "closed", "shipped"
FILTERS: dict[str, tuple[str, ...]] = {
    "work": (OPEN, CLOSED),
    "shipped": (SHIPPED,),
    "all": (OPEN, CLOSED, SHIPPED),
}
"""The state filter's choices: what still needs work (the default), shipped, everything."""
MAX_CARTONS = 99
PRODUCT_COLUMN = 4
"""The lines table's product column."""


def ask_save_path(parent: QWidget, suggested: Path) -> Path | None:
    """The save dialog, starting at ``suggested``; a name typed without extension gets its."""
    suffix = suggested.suffix
    filters = {
        ".pdf": QCoreApplication.translate("VendorReturnsTab", "PDF document (*.pdf)"),
        ".csv": QCoreApplication.translate("VendorReturnsTab", "CSV file (*.csv)"),
    }
    name, _filter = QFileDialog.getSaveFileName(
        parent,
        QCoreApplication.translate("VendorReturnsTab", "Save {file}").format(file=suggested.name),
        str(suggested),
        filters[suffix],
    )
    if not name:
        return None
    path = Path(name)
    return path if path.suffix else path.with_name(f"{path.name}{suffix}")


def _amount(value: Decimal) -> str:
    return f"{value:,.2f}"


def _right(column: int, columns: tuple[int, ...], role: int) -> object:
    """Right alignment for the figures' columns."""
    if role == Qt.ItemDataRole.TextAlignmentRole and column in columns:
        return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return None


class BatchesModel(KeyedTableModel[BatchSummary]):
    """Columns: batch, vendor, state, units, total cost, vendor RMA, opened (age), closed,
    shipped on, carrier, tracking."""

    @override
    def key_of(self, row: BatchSummary) -> str:
        return row.number

    @override
    def _titles(self) -> tuple[str, ...]:
        return (
            self.tr("Batch"),
            self.tr("Vendor"),
            self.tr("State"),
            self.tr("Units"),
            self.tr("Total cost"),
            self.tr("Vendor RMA"),
            self.tr("Opened (age)"),
            self.tr("Closed"),
            self.tr("Shipped on"),
            self.tr("Carrier"),
            self.tr("Tracking"),
        )

    @override
    def _display(self, row: object) -> tuple[object, ...]:
        batch = cast(BatchSummary, row)
        opened = self.tr("{date} ({days} d)").format(
            date=f"{batch.opened_at:%Y-%m-%d}", days=batch.age_days
        )
        return (
            batch.number,
            batch.vendor_name,
            word("batch_state", batch.state),
            batch.units,
            _amount(batch.total_cost),
            batch.vendor_rma or "",
            opened,
            f"{batch.closed_at:%Y-%m-%d %H:%M}" if batch.closed_at else "",
            f"{batch.shipped_on:%Y-%m-%d}" if batch.shipped_on else "",
            batch.carrier or "",
            batch.tracking or "",
        )

    @override
    def _background(self, row: object) -> object:
        return None

    @override
    def _other_role(self, row: object, column: int, role: int) -> object:
        return _right(column, (3, 4), role)


class BatchLinesModel(ViewTableModel):
    """Columns: carton, SSCC, LPN, SKU, product, serial, grade, reason, cost."""

    def set_lines(self, lines: tuple[BatchLine, ...]) -> None:
        self._set_rows(lines)

    @override
    def _titles(self) -> tuple[str, ...]:
        return (
            self.tr("Carton"),
            self.tr("SSCC"),
            self.tr("LPN"),
            self.tr("SKU"),
            self.tr("Product"),
            self.tr("Serial"),
            self.tr("Grade"),
            self.tr("Reason"),
            self.tr("Cost"),
        )

    @override
    def _display(self, row: object) -> tuple[object, ...]:
        line = cast(BatchLine, row)
        return (
            "" if line.carton is None else line.carton,
            line.sscc or "",
            line.lpn,
            line.sku,
            line.product,
            line.serial or "",
            line.grade or "",
            word("reason", line.reason_code),
            _amount(line.cost),
        )

    @override
    def _background(self, row: object) -> object:
        return None

    @override
    def _other_role(self, row: object, column: int, role: int) -> object:
        return _right(column, (0, 8), role)


class VendorReturnsTab(DeskTab):
    """The batches and the selected batch's units in a splitter, the actions below them."""

    def __init__(
        self,
        returns: VendorReturns,
        translate: TranslateFn,
        today: Callable[[], datetime.date],
        choose_path: PathChooser = ask_save_path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("vendorReturnsTab")
        self._returns = returns
        self._translate = translate
        self._today = today
        self._choose_path = choose_path
        self._folder = Path(
            QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        )
        self._open_count = 0
        self._prefix_value: CompanyPrefix | None = None
        self._shown: str | None = None
        """The batch whose number the action fields were last filled for."""
        self._batches = BatchesModel(self)
        self._lines = BatchLinesModel(self)
        self._message = QLabel(self)
        self._message.setObjectName("rtvMessage")
        self._message.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 6, 4, 4)
        layout.setSpacing(4)
        layout.addLayout(self._build_top())
        layout.addWidget(self._build_tables(), 1)
        layout.addLayout(self._build_actions())
        layout.addWidget(self._message)
        self._retranslate()
        self._enable_actions(None)

    # -- building -------------------------------------------------------------------------------

    def _build_top(self) -> QHBoxLayout:
        self._filter_caption = QLabel(self)
        self._filter = QComboBox(self)
        self._filter.setObjectName("rtvStateFilter")
        for key in FILTERS:
            self._filter.addItem("", key)
        self._filter.currentIndexChanged.connect(self._on_filter_changed)
        self._filter_caption.setBuddy(self._filter)
        row = QHBoxLayout()
        row.addWidget(self._filter_caption)
        row.addWidget(self._filter)
        row.addStretch(1)
        self._add_prefix(row)
        return row

    def _add_prefix(self, row: QHBoxLayout) -> None:
        """The dock's company prefix, with its field, its button, and a hint while none is set."""
        self._prefix_caption = QLabel(self)
        self._prefix = QLabel(self)
        self._prefix.setObjectName("rtvCompanyPrefix")
        self._prefix_hint = QLabel(self)
        self._prefix_hint.setObjectName("rtvPrefixHint")
        self._prefix_edit = QLineEdit(self)
        self._prefix_edit.setObjectName("rtvPrefixEdit")
        self._prefix_edit.setMaxLength(10)
        self._prefix_edit.setMaximumWidth(120)
        self._prefix_edit.returnPressed.connect(self._on_set_prefix_clicked)
        self._set_prefix = QPushButton(self)
        self._set_prefix.setObjectName("rtvSetPrefixButton")
        self._set_prefix.clicked.connect(self._on_set_prefix_clicked)
        for widget in (self._prefix_caption, self._prefix, self._prefix_hint, self._prefix_edit):
            row.addWidget(widget)
        row.addWidget(self._set_prefix)

    def _build_tables(self) -> QSplitter:
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setObjectName("rtvSplitter")
        splitter.setChildrenCollapsible(False)
        self._batch_table = queue_table(splitter, "rtvBatchesTable", self._batches)
        self._batch_table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        lower = QWidget(splitter)
        self._totals = QLabel(lower)
        self._totals.setObjectName("rtvTotals")
        self._line_table = queue_table(lower, "rtvLinesTable", self._lines)
        # The cost, last, stays beside the other columns; the product's name takes the room.
        header = self._line_table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(PRODUCT_COLUMN, QHeaderView.ResizeMode.Stretch)
        column = QVBoxLayout(lower)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(self._totals)
        column.addWidget(self._line_table, 1)
        splitter.addWidget(self._batch_table)
        splitter.addWidget(lower)
        splitter.setSizes([230, 170])
        return splitter

    def _build_actions(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(self._build_open_box(), 4)
        row.addWidget(self._build_papers_box(), 2)
        row.addWidget(self._build_ship_box(), 4)
        return row

    def _build_open_box(self) -> QGroupBox:
        self._open_box = QGroupBox(self)
        self._rma = self._line_edit(self._open_box, "rtvVendorRma", 64)
        self._rma.setMinimumWidth(150)  # room for the vendor's RMA number and its placeholder
        self._rma.returnPressed.connect(self._on_set_rma_clicked)
        self._set_rma = self._button(self._open_box, "rtvSetRmaButton", self._on_set_rma_clicked)
        self._cartons = QSpinBox(self._open_box)
        self._cartons.setObjectName("rtvCartons")
        self._cartons.setRange(1, MAX_CARTONS)
        self._close = self._button(self._open_box, "rtvCloseButton", self._on_close_clicked)
        return self._boxed(
            self._open_box, (self._rma, self._set_rma, self._cartons, self._close), (self._rma,)
        )

    def _build_papers_box(self) -> QGroupBox:
        self._papers_box = QGroupBox(self)
        self._manifest_pdf = self._button(
            self._papers_box, "rtvManifestPdfButton", self._on_manifest_pdf_clicked
        )
        self._manifest_csv = self._button(
            self._papers_box, "rtvManifestCsvButton", self._on_manifest_csv_clicked
        )
        self._labels = self._button(self._papers_box, "rtvLabelsButton", self._on_labels_clicked)
        return self._boxed(self._papers_box, (self._manifest_pdf, self._manifest_csv, self._labels))

    def _build_ship_box(self) -> QGroupBox:
        self._ship_box = QGroupBox(self)
        self._carrier = self._line_edit(self._ship_box, "rtvCarrier", 32)
        self._ship_date = QDateEdit(self._ship_box)
        self._ship_date.setObjectName("rtvShipDate")
        self._ship_date.setCalendarPopup(True)
        self._ship_date.setDisplayFormat("yyyy-MM-dd")
        self._ship_date.setDate(to_qdate(self._today()))
        self._tracking = self._line_edit(self._ship_box, "rtvTracking", 64)
        self._ship = self._button(self._ship_box, "rtvShipButton", self._on_ship_clicked)
        return self._boxed(
            self._ship_box,
            (self._carrier, self._ship_date, self._tracking, self._ship),
            (self._carrier, self._tracking),
        )

    def _line_edit(self, parent: QWidget, name: str, length: int) -> QLineEdit:
        edit = QLineEdit(parent)
        edit.setObjectName(name)
        edit.setMaxLength(length)
        return edit

    def _button(self, parent: QWidget, name: str, slot: Callable[[], None]) -> QPushButton:
        button = QPushButton(parent)
        button.setObjectName(name)
        button.clicked.connect(slot)
        return button

    def _boxed(
        self, box: QGroupBox, widgets: tuple[QWidget, ...], stretched: tuple[QWidget, ...] = ()
    ) -> QGroupBox:
        """Lay ``widgets`` out in a row in ``box``; the ``stretched`` ones share the room."""
        row = QHBoxLayout(box)
        row.setContentsMargins(6, 2, 6, 4)
        row.setSpacing(4)
        for widget in widgets:
            row.addWidget(widget, 1 if widget in stretched else 0)
        return box

    # -- the desk's calls -----------------------------------------------------------------------

    @override
    def title(self) -> str:
        return self.tr("Vendor returns ({count} open)").format(count=self._open_count)

    @override
    def refresh(self) -> None:
        """Read the batches, the selected one's units and the prefix again, keeping the selected
        batch selected and what is being typed as it is."""
        states = FILTERS[self._filter.currentData()]
        keep = self._batches.row_at(selected_row(self._batch_table))
        try:
            batches = self._returns.batches(states)
            opened = batches if OPEN in states else self._returns.batches((OPEN,))
            prefix = self._returns.company_prefix()
        except (ReceivingError, StorageUnavailable) as exc:
            say(self._message, error_text(exc), "error")
            return
        self._open_count = sum(batch.state == OPEN for batch in opened)
        self._show_prefix(prefix)
        self._batches.set_rows(batches)
        kept = None if keep is None else self._batches.row_of(keep.number)
        select_row(self._batch_table, kept if kept is not None else 0)
        self._show_detail()
        show_title(self)

    # -- showing --------------------------------------------------------------------------------

    def _selected(self) -> BatchSummary | None:
        return self._batches.row_at(selected_row(self._batch_table))

    def _show_detail(self) -> None:
        """Show the selected batch's units; fill the action fields when it is another batch."""
        batch = self._selected()
        detail = None
        if batch is not None:
            try:
                detail = self._returns.detail(batch.number)
            except (ReceivingError, StorageUnavailable) as exc:
                say(self._message, error_text(exc), "error")
        self._lines.set_lines(() if detail is None else detail.lines)
        self._totals.setText("" if detail is None else self._totals_text(detail))
        if batch is not None and batch.number != self._shown:
            self._fill_fields(batch)
        self._enable_actions(batch)

    def _totals_text(self, detail: BatchDetail) -> str:
        batch = detail.summary
        units = self.tr("%n unit(s)", "", batch.units)
        cost = _amount(batch.total_cost)
        if not detail.cartons:
            return self.tr("{batch} for {vendor}: {units}, total cost {cost}").format(
                batch=batch.number, vendor=batch.vendor_name, units=units, cost=cost
            )
        cartons = self.tr("%n carton(s)", "", len(detail.cartons))
        return self.tr("{batch} for {vendor}: {units} in {cartons}, total cost {cost}").format(
            batch=batch.number, vendor=batch.vendor_name, units=units, cartons=cartons, cost=cost
        )

    def _fill_fields(self, batch: BatchSummary) -> None:
        self._shown = batch.number
        self._rma.setText(batch.vendor_rma or "")
        self._cartons.setValue(1)
        self._ship_date.setDate(to_qdate(self._today()))
        self._tracking.clear()

    def _enable_actions(self, batch: BatchSummary | None) -> None:
        state = None if batch is None else batch.state
        self._open_box.setEnabled(state == OPEN)
        self._papers_box.setEnabled(state in (CLOSED, SHIPPED))
        self._ship_box.setEnabled(state == CLOSED)

    def _show_prefix(self, prefix: CompanyPrefix | None) -> None:
        self._prefix_value = prefix
        if prefix is None:
            self._prefix.setText(self.tr("none set"))
        else:
            self._prefix.setText(
                self.tr("{prefix} (extension {extension})").format(
                    prefix=prefix.prefix, extension=prefix.extension
                )
            )
        self._prefix_hint.setVisible(prefix is None)

    @override
    def _retranslate(self) -> None:
        self._filter_caption.setText(self.tr("S&how"))
        texts = {
            "work": self.tr("Open and closed (to do)"),
            "shipped": self.tr("Shipped"),
            "all": self.tr("All batches"),
        }
        for index in range(self._filter.count()):
            self._filter.setItemText(index, texts[self._filter.itemData(index)])
        self._prefix_caption.setText(self.tr("GS1 company prefix:"))
        self._prefix_hint.setText(self.tr("(closing a batch needs one)"))
        self._prefix_edit.setPlaceholderText(self.tr("7 to 10 digits"))
        self._set_prefix.setText(self.tr("Set &prefix"))
        self._show_prefix(self._prefix_value)
        self._open_box.setTitle(self.tr("Open batch"))
        self._rma.setPlaceholderText(self.tr("Vendor's RMA number"))
        self._set_rma.setText(self.tr("Set &RMA"))
        self._cartons.setSuffix(self.tr(" carton(s)"))
        self._close.setText(self.tr("&Close batch"))
        self._papers_box.setTitle(self.tr("Paperwork"))
        self._manifest_pdf.setText(self.tr("&Manifest PDF"))
        self._manifest_csv.setText(self.tr("Manifest CS&V"))
        self._labels.setText(self.tr("Carton &labels"))
        self._ship_box.setTitle(self.tr("Shipment"))
        self._carrier.setPlaceholderText(self.tr("Carrier"))
        self._tracking.setPlaceholderText(self.tr("Tracking number (optional)"))
        self._ship.setText(self.tr("&Ship"))
        for model in (self._batches, self._lines):
            model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, model.columnCount() - 1)
        self._show_detail()
        show_title(self)

    # -- acting ---------------------------------------------------------------------------------

    def _act(self, action: Callable[[str], str]) -> None:
        """Run ``action`` on the selected batch; show the text it returns, or the refusal."""
        batch = self._selected()
        if batch is None:
            return
        try:
            done = action(batch.number)
        except (ReceivingError, StorageUnavailable) as exc:
            say(self._message, error_text(exc), "error")
            return
        say(self._message, done, "ok")
        self.refresh()

    def _set_rma_of(self, number: str) -> str:
        rma = self._returns.set_vendor_rma(number, self._rma.text())
        return self.tr("Vendor RMA {rma} recorded for {batch}.").format(rma=rma, batch=number)

    def _close_batch(self, number: str) -> str:
        ssccs = self._returns.close(number, self._cartons.value())
        return self.tr(
            "Closed {batch} into %n carton(s): {ssccs}. The carton labels were sent to the "
            "printer.",
            "",
            len(ssccs),
        ).format(batch=number, ssccs=", ".join(ssccs))

    def _ship_batch(self, number: str) -> str:
        tracking = self._tracking.text().strip() or None
        shipped = self._returns.ship(
            number, self._carrier.text(), to_date(self._ship_date.date()), tracking
        )
        return self.tr("{batch} shipped on {date} with {carrier}.").format(
            batch=number, date=shipped.isoformat(), carrier=self._carrier.text().strip()
        )

    def _save(self, suffix: str, make: Callable[[str, TranslateFn], bytes]) -> None:
        """Ask where to save the selected batch's document, then write it whole."""
        batch = self._selected()
        if batch is None:
            return
        path = self._choose_path(self, self._folder / f"{batch.number}-{suffix}")
        if path is None:
            return
        self._folder = path.parent
        try:
            write_whole(path, make(batch.number, self._translate))
        except (ReceivingError, StorageUnavailable) as exc:
            say(self._message, error_text(exc), "error")
            return
        say(self._message, self.tr("Saved {file}.").format(file=path), "ok")

    # -- slots ----------------------------------------------------------------------------------

    @Slot()
    def _on_selection_changed(self) -> None:
        self._show_detail()

    @Slot(int)
    def _on_filter_changed(self, _index: int) -> None:
        self.refresh()

    @Slot()
    def _on_set_rma_clicked(self) -> None:
        self._act(self._set_rma_of)

    @Slot()
    def _on_close_clicked(self) -> None:
        self._act(self._close_batch)

    @Slot()
    def _on_ship_clicked(self) -> None:
        self._act(self._ship_batch)

    @Slot()
    def _on_manifest_pdf_clicked(self) -> None:
        self._save("manifest.pdf", self._returns.manifest_pdf)

    @Slot()
    def _on_manifest_csv_clicked(self) -> None:
        self._save("manifest.csv", self._returns.manifest_csv)

    @Slot()
    def _on_labels_clicked(self) -> None:
        self._save("cartons.pdf", self._returns.carton_labels_pdf)

    @Slot()
    def _on_set_prefix_clicked(self) -> None:
        try:
            prefix = self._returns.set_company_prefix(self._prefix_edit.text().strip())
        except (ReceivingError, StorageUnavailable) as exc:
            say(self._message, error_text(exc), "error")
            return
        self._prefix_edit.clear()
        self._show_prefix(prefix)
        say(
            self._message,
            self.tr("Company prefix set to {prefix}.").format(prefix=prefix.prefix),
            "ok",
        )
