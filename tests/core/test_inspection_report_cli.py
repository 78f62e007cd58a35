"""`receiving-app inspection report` as a supervisor runs it: a real process, a real database on
both engines, the PDF written whole or not at all."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from peewee import Database

from receiving_app.clock import FixedClock
from receiving_app.inspection.service import InspectionDesk
from receiving_app.receiving.desk import ReceivingDesk
from tests.core.report_setup import (
    OVERRIDE_REASON,
    graded_phone,
    inspection_desk,
    photo_file,
    start_inspection,
)
from tests.labels.conftest import decode, pdf_text, rasterise  # noqa: F401 (fixtures)

ROOT = Path(__file__).resolve().parents[2]
ENGLISH = {"LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "LANGUAGE": ""}


def report(lpn: str, output: Path, db_url: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "receiving_app", "inspection", "report", lpn, "-o", str(output)]
        + ["--db", db_url],
        cwd=ROOT,
        capture_output=True,
        check=False,
        text=True,
        timeout=120,
        env={**os.environ, **ENGLISH},
    )


@pytest.fixture
def inspect(database: Database, clock: FixedClock, dock) -> InspectionDesk:
    return inspection_desk(database, clock)


def test_the_report_of_a_graded_unit_is_written_and_its_path_printed(
    db_url: str,
    desk: ReceivingDesk,
    inspect: InspectionDesk,
    dock,
    tmp_path: Path,
    rasterise,  # noqa: F811 (the fixtures imported above)
    decode,  # noqa: F811
    pdf_text,  # noqa: F811
) -> None:
    photo = photo_file(tmp_path, "overall.jpg", (30, 90, 160))
    lpn = graded_phone(desk, inspect, dock.phone_serials[0], photo)
    output = tmp_path / "out" / "report.pdf"
    output.parent.mkdir()
    result = report(lpn, output, db_url)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(output)
    assert sorted(path.name for path in output.parent.iterdir()) == ["report.pdf"]
    pdf = output.read_bytes()
    assert decode(rasterise(pdf, 200)[0]) == [lpn]
    text = pdf_text(pdf)
    assert "Phone X" in text and OVERRIDE_REASON in text
    assert "Photos" in text  # the photo, found in the data folder the desk stored it in


def test_an_unknown_lpn_fails_and_leaves_an_existing_file_alone(
    db_url: str, dock, tmp_path: Path
) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    output = folder / "report.pdf"
    output.write_bytes(b"an earlier report")
    result = report("LPN9999999999", output, db_url)
    assert result.returncode == 1
    assert "No unit has the LPN LPN9999999999" in result.stderr
    assert output.read_bytes() == b"an earlier report"
    assert [path.name for path in folder.iterdir()] == ["report.pdf"]


def test_a_unit_still_being_inspected_has_no_report_yet(
    db_url: str, desk: ReceivingDesk, inspect: InspectionDesk, dock, tmp_path: Path
) -> None:
    lpn = start_inspection(desk, inspect, dock.phone_serials[0])
    output = tmp_path / "report.pdf"
    result = report(lpn, output, db_url)
    assert result.returncode == 1
    assert f"{lpn} has no completed inspection yet" in result.stderr
    assert "Finish it at an inspection station" in result.stderr
    assert not output.exists()


def test_a_file_that_cannot_be_written_fails_and_leaves_nothing(
    db_url: str, desk: ReceivingDesk, inspect: InspectionDesk, dock, tmp_path: Path
) -> None:
    folder = tmp_path / "out"
    (folder / "taken").mkdir(parents=True)
    photo = photo_file(folder, "overall.jpg", (30, 90, 160))
    lpn = graded_phone(desk, inspect, dock.phone_serials[0], photo)
    before = sorted(folder.rglob("*"))
    for target in (
        folder / "nowhere" / "report.pdf",  # no such folder
        folder / "taken",  # a folder by that name
        photo / "report.pdf",  # under a file
    ):
        result = report(lpn, target, db_url)
        assert result.returncode == 1, target
        assert f"Cannot write {target} (" in result.stderr
        assert "choose another file or folder" in result.stderr
    assert sorted(folder.rglob("*")) == before
