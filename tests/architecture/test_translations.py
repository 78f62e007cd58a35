"""The Simplified Chinese catalog keeps up with the code (HOUSE.md B6, DESIGN.md §5).

lupdate is run again into a copy of the committed catalog: any source text it finds that the
committed file lacks, any message left unfinished or empty, any translation that lost a
``{placeholder}``, or a compiled .qm older than its .ts fails the build.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CATALOG = ROOT / "receiving_app" / "translations" / "receiving_zh_CN.ts"
COMPILED = CATALOG.with_suffix(".qm")
SOURCES = ["receiving_app", "db", "labels", "ui"]
PLACEHOLDER = re.compile(r"\{(\w*)\}")
UNDONE = {"unfinished", "vanished", "obsolete"}

Message = tuple[str, str]  # (context, source)


def _tool(name: str) -> str:
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        pytest.fail(f"{name} is missing: it comes with PySide6, install the dev requirements")
    return found


def _messages(path: Path) -> dict[Message, ET.Element]:
    messages: dict[Message, ET.Element] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            messages[(name, message.findtext("source", ""))] = message
    return messages


def _translations(message: ET.Element) -> list[str]:
    translation = message.find("translation")
    if translation is None:
        return []
    forms = translation.findall("numerusform")
    return [form.text or "" for form in forms] if forms else [translation.text or ""]


def _is_done(message: ET.Element) -> bool:
    translation = message.find("translation")
    if translation is None or translation.get("type") in UNDONE:
        return False
    texts = _translations(message)
    return bool(texts) and all(text.strip() for text in texts)


@pytest.fixture(scope="module")
def refreshed(tmp_path_factory: pytest.TempPathFactory) -> dict[Message, ET.Element]:
    """The committed catalog after lupdate has seen today's code."""
    copy = tmp_path_factory.mktemp("ts") / CATALOG.name
    shutil.copy(CATALOG, copy)
    result = subprocess.run(
        [
            _tool("pyside6-lupdate"),
            "-extensions",
            "py",
            "-locations",
            "none",
            "-no-obsolete",
            *SOURCES,
            "-ts",
            str(copy),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=300,
    )
    assert result.returncode == 0, result.stderr + result.stdout
    return _messages(copy)


@pytest.fixture(scope="module")
def committed() -> dict[Message, ET.Element]:
    return _messages(CATALOG)


def test_every_source_text_is_in_the_committed_catalog(
    refreshed: dict[Message, ET.Element], committed: dict[Message, ET.Element]
) -> None:
    missing = sorted(set(refreshed) - set(committed))
    assert not missing, (
        f"{len(missing)} text(s) are not in {CATALOG.name}; run `make translations` and "
        f"translate them: {missing[:10]}"
    )


def test_no_message_is_unfinished(committed: dict[Message, ET.Element]) -> None:
    undone = sorted(key for key, message in committed.items() if not _is_done(message))
    assert not undone, f"{len(undone)} message(s) have no finished translation: {undone[:10]}"


def test_no_stale_messages_are_kept(
    refreshed: dict[Message, ET.Element], committed: dict[Message, ET.Element]
) -> None:
    stale = sorted(set(committed) - set(refreshed))
    assert not stale, f"texts no longer in the code (run `make translations`): {stale[:10]}"


def test_translations_keep_every_placeholder(committed: dict[Message, ET.Element]) -> None:
    broken = []
    for (context, source), message in committed.items():
        wanted = sorted(PLACEHOLDER.findall(source))
        for text in _translations(message):
            if text and sorted(PLACEHOLDER.findall(text)) != wanted:
                broken.append((context, source, text))
        if message.get("numerus") == "yes":
            for text in _translations(message):
                if "%n" in source and "%n" not in text:
                    broken.append((context, source, text))
    assert not broken, broken[:10]


def test_compiled_catalog_matches_the_source(tmp_path: Path) -> None:
    fresh = tmp_path / COMPILED.name
    result = subprocess.run(
        [_tool("pyside6-lrelease"), str(CATALOG), "-qm", str(fresh)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr + result.stdout
    assert COMPILED.exists(), f"{COMPILED.name} is missing: run `make translations`"
    assert fresh.read_bytes() == COMPILED.read_bytes(), (
        f"{COMPILED.name} is older than {CATALOG.name}: run `make translations`"
    )
