"""The table models on their own: Qt's model contract (qtmodeltester), colours and columns."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView
from pytestqt.modeltest import ModelTester

from receiving_app.outcomes import LineView, UnitView
from tests.ui.conftest import DemoCodes, Scan
from ui.item_models import row_colours
from ui.item_models.received_units_model import ReceivedUnitsModel
from ui.item_models.rma_lines_model import RMALinesModel
from ui.main_window import MainWindow

LINES = (
    LineView(1, "EL-1017", "Dash Cam D1", 2, 1, ("SN1", "SN2")),
    LineView(2, "HM-3013", "Blackout Curtains", 1, 1, ()),
)
UNITS = (
    UnitView("LPN0000000001", "EL-1017", "Dash Cam D1", "SN1", "matched", "10:42:00"),
    UnitView("LPN0000000002", "EL-1001", "Earbuds", None, "not_on_order", "10:43:00"),
)


def test_rma_lines_model_contract(qtmodeltester: ModelTester) -> None:
    model = RMALinesModel()
    qtmodeltester.check(model)
    model.set_lines(LINES)
    qtmodeltester.check(model)
    assert model.rowCount() == 2 and model.columnCount() == 5
    missing = model.index(0, RMALinesModel.MISSING)
    assert missing.data() == 1
    assert missing.data(Qt.ItemDataRole.BackgroundRole) == row_colours.ATTENTION
    assert model.index(1, 0).data(Qt.ItemDataRole.BackgroundRole) == row_colours.COMPLETE
    model.set_lines(())
    assert model.rowCount() == 0


def test_received_units_model_contract(qtmodeltester: ModelTester) -> None:
    model = ReceivedUnitsModel()
    qtmodeltester.check(model)
    model.set_units(UNITS)
    qtmodeltester.check(model)
    assert model.index(0, ReceivedUnitsModel.LPN).data() == "LPN0000000002"  # newest first
    assert model.index(0, 0).data(Qt.ItemDataRole.BackgroundRole) == row_colours.ATTENTION
    assert model.index(1, 0).data(Qt.ItemDataRole.BackgroundRole) == row_colours.COMPLETE
    assert model.index(1, ReceivedUnitsModel.MATCH).data() == "matches"


def test_models_on_the_screen_keep_the_contract(
    qtmodeltester: ModelTester, parcel_open: Scan, codes: DemoCodes, window: MainWindow
) -> None:
    parcel_open(codes.plain_gtin)
    for name in ("expectedLinesTable", "receivedUnitsTable"):
        view = window.findChild(QTableView, name)
        assert view is not None and view.model().rowCount() >= 1
        qtmodeltester.check(view.model())
