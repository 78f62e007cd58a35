"""Install the app's Simplified Chinese catalog and Qt's own, for the station's language."""

from __future__ import annotations

import logging
from importlib import resources
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

log = logging.getLogger(__name__)

CHINESE = "zh_CN"


def effective_language(setting: str, system_locale: QLocale | None = None) -> str:
    """``zh_CN`` or ``en`` for the station setting (``system``, ``en`` or ``zh_CN``)."""
    if setting == "system":
        locale = system_locale or QLocale.system()
        return CHINESE if locale.language() == QLocale.Language.Chinese else "en"
    return CHINESE if setting == CHINESE else "en"


def catalog_path(language: str = CHINESE) -> Path:
    """The compiled catalog of ``language`` shipped with ``receiving_app``."""
    return Path(str(resources.files("receiving_app") / "translations" / f"receiving_{language}.qm"))


def install_translators(app: QCoreApplication, language: str) -> list[QTranslator]:
    """Install the translators for ``language`` (``en`` needs none) and return them.

    Keep the returned list alive as long as the translations are used: a QTranslator that is
    garbage-collected stops translating. A catalog that fails to load is logged and skipped,
    so the app still starts, in English.
    """
    if language != CHINESE:
        return []
    installed: list[QTranslator] = []
    ours = QTranslator(app)
    path = catalog_path(language)
    if ours.load(str(path)):
        app.installTranslator(ours)
        installed.append(ours)
    else:
        log.warning("translation catalog %s could not be loaded; showing English", path)
    qt_own = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qt_own.load(f"qtbase_{language}", folder):
        app.installTranslator(qt_own)
        installed.append(qt_own)
    else:
        log.warning(
            "Qt's own qtbase_%s catalog is not in %s; standard buttons stay English",
            language,
            folder,
        )
    QLocale.setDefault(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    return installed


def remove_translators(app: QCoreApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
    QLocale.setDefault(QLocale.system())
