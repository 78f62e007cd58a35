"""`receiving-app export` as a supervisor or a script runs it: a real process, the files read
back, and every refusal an exit code 1 with a message that says what to do."""

from __future__ import annotations

import csv
import datetime
import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from openpyxl import load_workbook
from peewee import Database

from db.connection import open_database
from db.models import CustomerOutcome, Unit
from receiving_app.data_export.datasets import COLUMNS, PERSONAL_COLUMNS, Dataset
from receiving_app.demo_data import generate_demo_data
from tests.conftest import NOW

ROOT = Path(__file__).resolve().parents[2]
ENGLISH = {"LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "LANGUAGE": ""}
DAYS = 14
START = (NOW - datetime.timedelta(days=DAYS + 1)).date().isoformat()
END = NOW.date().isoformat()


def export(db_url: str, dataset: str, *options: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "receiving_app", "export", dataset, "--db", db_url, *options],
        cwd=ROOT,
        capture_output=True,
        check=False,
        text=True,
        timeout=120,
        env={**os.environ, **ENGLISH},
    )


@pytest.fixture
def history(database: Database) -> None:
    generate_demo_data(database, orders=300, seed=9, now=NOW, history_days=DAYS)


@pytest.fixture
def history_url(sqlite_url: str) -> str:
    """A SQLite database with demo history, closed again for the command to open."""
    database = open_database(sqlite_url)
    with database.connection_context():
        generate_demo_data(database, orders=300, seed=9, now=NOW, history_days=DAYS)
    database.close()
    return sqlite_url


def csv_rows(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))


def test_the_datasets_are_written_on_both_engines(
    history: None, db_url: str, tmp_path: Path
) -> None:
    units = tmp_path / "units.csv"
    done = export(db_url, "units", "--from", START, "--to", END, "-o", str(units))
    assert done.returncode == 0, done.stderr
    count = Unit.select().count()
    assert done.stdout == f"{count} rows of units (csv) from {START} to {END} written to {units}.\n"
    rows = csv_rows(units)
    assert rows[0] == list(COLUMNS[Dataset.UNITS]) and len(rows) == count + 1

    outcomes = tmp_path / "outcomes.xlsx"  # the extension chooses the format
    done = export(db_url, "outcomes", "--from", START, "--to", END, "-o", str(outcomes))
    assert done.returncode == 0, done.stderr
    assert "(xlsx)" in done.stdout
    sheet = load_workbook(outcomes)["outcomes"]
    assert sheet.max_row == CustomerOutcome.select().count() + 1


def test_personal_data_is_written_for_a_named_supervisor(history_url: str, tmp_path: Path) -> None:
    target = tmp_path / "outcomes.dat"
    done = export(
        history_url,
        "outcomes",
        *("--from", START, "--to", END, "--format", "csv", "-o", str(target)),
        *("--personal", "--user", "samtaylor"),
    )
    assert done.returncode == 0, done.stderr
    assert "with customers' personal data (exported for samtaylor)" in done.stdout
    header = csv_rows(target)[0]
    assert header == list(COLUMNS[Dataset.OUTCOMES] + PERSONAL_COLUMNS[Dataset.OUTCOMES])


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (("--personal",), "exported only for a supervisor: log in as one (on the command line"),
        (("--personal", "--user", "wangfang"), "Wang Fang (dock) may not approve"),
        (("--personal", "--user", "nobody"), "nobody"),
        (("--user", "samtaylor"), "--user is only for --personal"),
        (("--from", "2026-13-01"), "'2026-13-01' is not a date: write it as YYYY-MM-DD."),
        (("--from", "2024-01-01"), "days long; a report covers at most 366 days"),
        (("--from", "2026-12-01"), "before it starts"),
    ],
)
def test_refusals_say_what_to_do(
    history_url: str, tmp_path: Path, options: tuple[str, ...], message: str
) -> None:
    target = tmp_path / "out" / "units.csv"
    target.parent.mkdir()
    done = export(history_url, "units", "--from", START, "--to", END, "-o", str(target), *options)
    assert done.returncode == 1
    assert message in done.stderr and done.stderr.startswith("receiving-app: ")
    assert list(target.parent.iterdir()) == []


def help_text(*command: str) -> str:
    return subprocess.run(
        [sys.executable, "-m", "receiving_app", *command, "--help"],
        cwd=ROOT,
        capture_output=True,
        check=True,
        text=True,
        env={**os.environ, **ENGLISH},
    ).stdout


def test_the_command_is_listed() -> None:
    assert "    export " in help_text()
    listed = set(re.findall(r"^    (\w+)", help_text("export"), re.MULTILINE))
    assert listed == {dataset.value for dataset in Dataset}
