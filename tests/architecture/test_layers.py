"""The house rules of HOUSE.md B1, checked at run time: the core never loads Qt."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_core_db_and_labels_load_no_qt() -> None:
    code = (
        "import sys, pkgutil, importlib\n"
        "import receiving_app, db, labels\n"
        "for package in (receiving_app, db, labels):\n"
        "    for info in pkgutil.walk_packages(package.__path__, package.__name__ + '.'):\n"
        "        if info.name in ('receiving_app.__main__',) or '.migrations.' in info.name:\n"
        "            continue\n"
        "        importlib.import_module(info.name)\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('PySide6'))\n"
        "print(len([m for m in sys.modules if m.startswith(('receiving_app', 'db', 'labels'))]))\n"
        "assert not loaded, loaded\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        check=False,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert int(result.stdout.strip()) > 20  # the walk really imported the packages


def test_the_cli_answers_without_qt() -> None:
    code = (
        "import sys\n"
        "from receiving_app.cli import run\n"
        "assert run(['identify', 'RMA00000001']) == 0\n"
        "assert not [m for m in sys.modules if m.startswith('PySide6')]\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=ROOT,
        capture_output=True,
        check=False,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    assert '"kind": "rma"' in result.stdout
