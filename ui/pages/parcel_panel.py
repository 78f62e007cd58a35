"""The current parcel: what the RMA expects, what arrived, and the parcel's own details."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from receiving_app.outcomes import ParcelView
from receiving_app.photo_store import PhotoRef
from ui.domain_words import word
from ui.item_models.received_units_model import ReceivedUnitsModel
from ui.item_models.rma_lines_model import RMALinesModel
from ui.photo_strip import PhotoStrip
from ui.restyle import set_style_properties

EMPTY = "—"


def _table(
    name: str, model: RMALinesModel | ReceivedUnitsModel, stretch: int, parent: QWidget
) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(model)
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the scan field keeps the keyboard
    view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(False)
    view.setShowGrid(False)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(34)
    header = view.horizontalHeader()
    header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    header.setHighlightSections(False)
    return view


class ParcelPanel(QFrame):
    """Shows one ``ParcelView`` (or none); it never calls the core itself."""

    def __init__(self, courier_name: Callable[[str], str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("parcelPanel")
        self._courier_name = courier_name
        self._parcel: ParcelView | None = None

        self._title = QLabel(self)
        self._title.setObjectName("parcelTitle")
        self._exception_badge = QLabel(self)
        self._exception_badge.setObjectName("exceptionBadge")
        self._state_badge = QLabel(self)
        self._state_badge.setObjectName("stateBadge")
        title_row = QHBoxLayout()
        title_row.addWidget(self._title)
        title_row.addStretch(1)
        title_row.addWidget(self._state_badge)
        title_row.addWidget(self._exception_badge)

        self._values: dict[str, QLabel] = {}
        self._captions: dict[str, QLabel] = {}
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        form.setVerticalSpacing(6)
        for key in ("tracking", "carrier", "rma", "order", "reason", "words", "condition", "note"):
            caption = QLabel(self)
            caption.setObjectName("fieldCaption")
            value = QLabel(EMPTY, self)
            value.setObjectName(f"parcel{key.capitalize()}")
            value.setProperty("field", "value")
            value.setWordWrap(key in ("words", "note", "reason"))
            value.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
            self._captions[key] = caption
            self._values[key] = value
            form.addRow(caption, value)

        self._photos_title = QLabel(self)
        self._photos_title.setObjectName("tableTitle")
        self.photos = PhotoStrip("parcelPhotos", self)

        details = QVBoxLayout()
        details.addLayout(title_row)
        details.addLayout(form)
        details.addStretch(1)
        details.addWidget(self._photos_title)
        details.addWidget(self.photos)
        details_box = QWidget(self)
        details_box.setObjectName("parcelDetails")
        details_box.setLayout(details)
        details_box.setFixedWidth(470)

        self.lines_model = RMALinesModel(self)
        self.units_model = ReceivedUnitsModel(self)
        self._lines_title = QLabel(self)
        self._lines_title.setObjectName("tableTitle")
        self._units_title = QLabel(self)
        self._units_title.setObjectName("tableTitle")
        self._lines_view = _table(
            "expectedLinesTable", self.lines_model, RMALinesModel.PRODUCT, self
        )
        self._units_view = _table(
            "receivedUnitsTable", self.units_model, ReceivedUnitsModel.PRODUCT, self
        )
        tables = QVBoxLayout()
        tables.setSpacing(4)
        tables.addWidget(self._lines_title)
        tables.addWidget(self._lines_view, 1)
        tables.addSpacing(6)
        tables.addWidget(self._units_title)
        tables.addWidget(self._units_view, 1)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(14)
        layout.addWidget(details_box)
        layout.addLayout(tables, 1)
        self._retranslate()
        self.show_parcel(None)

    @property
    def parcel(self) -> ParcelView | None:
        return self._parcel

    def show_parcel(self, parcel: ParcelView | None) -> None:
        self._parcel = parcel
        self.lines_model.set_lines(parcel.lines if parcel else ())
        self.units_model.set_units(parcel.units if parcel else ())
        self._fill()

    def show_photos(self, photos: list[PhotoRef]) -> None:
        """The shown parcel's photos as thumbnails (the page reads them from the desk)."""
        self.photos.show_photos(photos)
        self._show_photos_title()

    def _show_photos_title(self) -> None:
        count = self.photos.count()
        self._photos_title.setText(
            self.tr("Photos: {count}").format(count=count)
            if count
            else self.tr("Photos: none (F4 takes one)")
        )

    def _fill(self) -> None:
        parcel = self._parcel
        values = self._values
        if parcel is None:
            for label in values.values():
                label.setText(EMPTY)
            set_style_properties(values["condition"], attention=False)
            self._exception_badge.hide()
            self._state_badge.hide()
            self._title.setText(self.tr("No parcel open"))
            self._lines_title.setText(self.tr("Expected (RMA lines)"))
            self._units_title.setText(self.tr("Received units"))
            return
        self._title.setText(self.tr("Parcel"))
        carrier = parcel.carrier and self._courier_name(parcel.carrier)
        if not carrier and parcel.carrier_candidates:
            carrier = self.tr("not chosen ({candidates})").format(
                candidates=", ".join(self._courier_name(c) for c in parcel.carrier_candidates)
            )
        values["tracking"].setText(parcel.tracking_number or EMPTY)
        values["carrier"].setText(carrier or EMPTY)
        values["rma"].setText(parcel.rma_number or self.tr("none"))
        values["order"].setText(parcel.order_number or EMPTY)
        values["reason"].setText(word("reason", parcel.reason_code) or EMPTY)
        values["words"].setText(f"“{parcel.customer_words}”" if parcel.customer_words else EMPTY)
        values["condition"].setText(word("condition", parcel.condition))
        set_style_properties(values["condition"], attention=parcel.condition != "intact")
        values["note"].setText(parcel.note or EMPTY)
        self._exception_badge.setText(self.tr("EXCEPTION: no RMA"))
        self._exception_badge.setVisible(parcel.is_exception)
        self._state_badge.setText(word("state", parcel.state).upper())
        self._state_badge.setVisible(parcel.state != "open")
        expected = sum(line.expected for line in parcel.lines)
        received = sum(line.received for line in parcel.lines)
        missing = sum(line.missing for line in parcel.lines)
        if parcel.lines:
            self._lines_title.setText(
                self.tr(
                    "Expected (RMA lines): {expected} expected, {received} received, "
                    "{missing} missing"
                ).format(expected=expected, received=received, missing=missing)
            )
        else:
            self._lines_title.setText(self.tr("Expected (RMA lines): none, no RMA linked yet"))
        self._units_title.setText(
            self.tr("Received units: {count}").format(count=len(parcel.units))
        )

    def _retranslate(self) -> None:
        captions = {
            "tracking": self.tr("Tracking:"),
            "carrier": self.tr("Courier:"),
            "rma": self.tr("RMA:"),
            "order": self.tr("Order:"),
            "reason": self.tr("Reason:"),
            "words": self.tr("Customer says:"),
            "condition": self.tr("Condition:"),
            "note": self.tr("Note:"),
        }
        for key, text in captions.items():
            self._captions[key].setText(text)
        self._show_photos_title()

    @override
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
            self.show_parcel(self._parcel)  # resets the models, so headers re-translate
        super().changeEvent(event)
