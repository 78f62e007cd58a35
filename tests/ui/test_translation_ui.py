"""The screen in Simplified Chinese: Qt's translators installed, core outcomes translated."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QApplication, QLabel

from db.models import User
from tests.ui.conftest import DemoCodes, Scan
from ui.main_window import MainWindow
from ui.translators import catalog_path, effective_language, install_translators

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture
def chinese(qapp: QApplication) -> Iterator[None]:
    translators = install_translators(qapp, "zh_CN")
    assert len(translators) == 2, "our catalog and Qt's own must both load"
    yield
    for translator in translators:
        qapp.removeTranslator(translator)
    QLocale.setDefault(QLocale.system())


def test_the_compiled_catalog_is_shipped() -> None:
    assert catalog_path().is_file()


def test_language_setting_decides_the_catalog() -> None:
    chinese = QLocale(QLocale.Language.Chinese, QLocale.Country.China)
    english = QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)
    assert effective_language("zh_CN") == "zh_CN"
    assert effective_language("en", chinese) == "en"
    assert effective_language("system", chinese) == "zh_CN"
    assert effective_language("system", english) == "en"


def test_english_needs_no_translator(qapp: QApplication) -> None:
    assert install_translators(qapp, "en") == []


@pytest.mark.usefixtures("chinese")
def test_feedback_and_screen_are_chinese(
    codes: DemoCodes, window: MainWindow, logged_in: Scan
) -> None:
    feedback = logged_in(codes.tracking)
    assert feedback.property("outcome") == "ok"
    assert CJK.search(feedback.text()), feedback.text()
    prompt = window.findChild(QLabel, "nextScanPrompt")
    assert prompt is not None and CJK.search(prompt.text())
    error = logged_in("#?no such thing?#")
    assert error.property("outcome") == "error"
    assert CJK.search(error.text()), error.text()


@pytest.mark.usefixtures("chinese")
def test_qt_own_catalog_translates_standard_buttons() -> None:
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"


@pytest.mark.usefixtures("chinese")
def test_refusals_are_chinese_too(codes: DemoCodes, window: MainWindow, scan: Scan) -> None:
    inspector = User.get(User.role == "inspector")
    assert scan(inspector.badge).property("outcome") == "ok"
    refused = scan(codes.tracking)  # an inspector may not receive
    assert refused.property("outcome") == "error"
    assert CJK.search(refused.text()), refused.text()
