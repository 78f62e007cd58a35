"""Translation markers for the core (no Qt).

The core never translates: it *marks* user-visible text so that ``pyside6-lupdate``
extracts it into the Qt catalog, and the edge (GUI or CLI) translates it with the
context and source text carried by outcomes and errors.
"""

import os
from collections.abc import Callable
from functools import cache
from importlib.resources import files
from xml.etree import ElementTree


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 (lupdate looks for this name)
    """Mark ``text`` for extraction into translation ``context`` and return it unchanged."""
    return text


def identity_translate(context: str, text: str) -> str:
    """The translation used headless and in tests: the source text itself."""
    return text


# Translate ``text`` within ``context``: Qt's in the GUI, the catalog reader in the CLI,
# the identity in tests.
TranslateFn = Callable[[str, str], str]


def system_language(setting: str = "system") -> str:
    """The language to speak: the station's setting, else the locale's (``zh*`` → ``zh_CN``)."""
    if setting != "system":
        return setting
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = os.environ.get(variable, "")
        if value:
            return "zh_CN" if value.lower().startswith("zh") else "en"
    return "en"


@cache
def catalog_translate(language: str) -> TranslateFn:
    """Translate headless (the CLI) from the committed Qt Linguist catalog, without Qt.

    Reads ``translations/receiving_<language>.ts``; unknown languages, a missing catalog and
    unfinished messages all fall back to the English source text.
    """
    if language in ("en", "system"):
        return identity_translate
    resource = files("receiving_app") / "translations" / f"receiving_{language}.ts"
    try:
        root = ElementTree.fromstring(resource.read_bytes())
    except (OSError, ElementTree.ParseError):
        return identity_translate
    table: dict[tuple[str, str], str] = {}
    for context in root.iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") == "unfinished":
                continue
            table[(name, message.findtext("source", ""))] = translation.text or ""

    def translate(context: str, text: str) -> str:
        return table.get((context, text)) or text

    return translate
