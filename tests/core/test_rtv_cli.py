"""``receiving-app rtv ...`` in a process of its own: list, RMA, close with files, ship."""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from peewee import Database
from PIL import Image
from pyzbar import pyzbar

from db.models import AuditRecord, RtvBatch, RtvCarton, Unit
from receiving_app.audit import verify_chain
from receiving_app.clock import FixedClock
from receiving_app.inspection.service import InspectionDesk
from receiving_app.receiving.desk import ReceivingDesk
from receiving_app.vendor_returns.documents import CSV_COLUMNS
from receiving_app.vendor_returns.views import batch_detail
from tests.core.report_setup import inspection_desk
from tests.core.test_inspection_desk import PNG
from tests.core.test_vendor_returns import BROKEN, inspect_phone, receive_phones

ROOT = Path(__file__).resolve().parents[2]


def rtv_cli(db_url: str, *args: str) -> subprocess.CompletedProcess[str]:
    """``receiving-app rtv ... --db URL`` in a process of its own, in English."""
    return subprocess.run(
        [sys.executable, "-m", "receiving_app", "rtv", *args, "--db", db_url],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "LANG": "C.UTF-8", "LANGUAGE": "", "LC_ALL": ""},
    )


def decoded_pages(pdf: Path, folder: Path, dpi: int = 203) -> list[list[str]]:
    """Every page of ``pdf`` rasterised by poppler, and the Code 128 symbols zbar finds on it."""
    prefix = folder / pdf.stem
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-gray", "-png", str(pdf), str(prefix)],
        check=True,
        capture_output=True,
    )
    pages = []
    for page in sorted(folder.glob(f"{pdf.stem}-*.png")):
        with Image.open(page) as image:
            found = pyzbar.decode(image.convert("L"), symbols=[pyzbar.ZBarSymbol.CODE128])
        pages.append([symbol.data.decode("latin-1") for symbol in found])
    return pages


@pytest.fixture
def batched(
    database: Database, clock: FixedClock, desk: ReceivingDesk, dock, tmp_path: Path
) -> list[str]:
    """Both phones routed back to ACME, in batch RTV-000001."""
    inspect: InspectionDesk = inspection_desk(database, clock)
    photo = tmp_path / "phone.png"
    photo.write_bytes(PNG)
    lpns = receive_phones(desk, dock)
    for lpn in lpns:
        inspect_phone(inspect, photo, lpn, BROKEN)
    return lpns


def test_close_refuses_without_a_prefix_and_says_how_to_set_it(
    batched: list[str], db_url: str
) -> None:
    assert rtv_cli(db_url, "rma", "RTV-000001", "VRMA-7").returncode == 0
    refused = rtv_cli(db_url, "close", "RTV-000001")
    assert refused.returncode == 1
    assert "receiving-app rtv prefix --set 0614141" in refused.stderr
    assert RtvBatch.get().state == "open" and not RtvCarton.select().exists()
    shown = rtv_cli(db_url, "prefix")
    assert shown.stdout.startswith("No GS1 company prefix")
    bad = rtv_cli(db_url, "prefix", "--set", "12345")
    assert bad.returncode == 1 and "7 to 10 digits" in bad.stderr


def test_list_rma_close_with_files_then_ship(
    batched: list[str], db_url: str, tmp_path: Path, clock: FixedClock
) -> None:
    listed = rtv_cli(db_url, "list")
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.startswith("RTV-000001  open  ACME  2 units  cost 400.00")
    assert rtv_cli(db_url, "prefix", "--set", "0614141").stdout.startswith(
        "GS1 company prefix 0614141"
    )
    assert rtv_cli(db_url, "rma", "RTV-000001", "VRMA-7").stdout.strip() == (
        "Batch RTV-000001: vendor RMA VRMA-7."
    )
    files = {name: tmp_path / name for name in ("manifest.pdf", "manifest.csv", "labels.pdf")}
    closed = rtv_cli(
        db_url,
        "close",
        "RTV-000001",
        "--cartons",
        "2",
        "--manifest",
        str(files["manifest.pdf"]),
        "--csv",
        str(files["manifest.csv"]),
        "--labels",
        str(files["labels.pdf"]),
    )
    assert closed.returncode == 0, closed.stderr
    ssccs = [carton.sscc for carton in RtvCarton.select().order_by(RtvCarton.number)]
    assert closed.stdout.startswith(f"Batch RTV-000001 closed into 2 carton(s): {ssccs[0]}")

    pages = decoded_pages(files["labels.pdf"], tmp_path)
    assert pages == [["00" + ssccs[0]], ["00" + ssccs[1]]]
    assert decoded_pages(files["manifest.pdf"], tmp_path, 300) == [["RTV-000001"]]

    raw = files["manifest.csv"].read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert list(rows[0]) == list(CSV_COLUMNS)
    detail = batch_detail("RTV-000001", clock.now().date())
    assert [
        (r["lpn"], r["sku"], r["serial"], r["grade"], r["cost"], r["carton"], r["sscc"])
        for r in rows
    ] == [
        (line.lpn, line.sku, line.serial, line.grade, f"{line.cost:.2f}", str(line.carton), line.sscc)
        for line in detail.lines
    ]  # fmt: skip
    assert {(r["batch"], r["vendor"], r["vendor_rma"], r["reason"]) for r in rows} == {
        ("RTV-000001", "Acme", "VRMA-7", "defective")
    }

    shown = rtv_cli(db_url, "show", "RTV-000001")
    assert f"carton 1: (00) 0 0614141 {ssccs[0][8:17]} {ssccs[0][17]}  1 units" in shown.stdout

    assert rtv_cli(db_url, "ship", "RTV-000001", "--carrier", "SF", "--date", "x").returncode == 2
    shipped = rtv_cli(
        db_url, "ship", "RTV-000001", "--carrier", "SF Express", "--date", "2026-01-02"
    )
    assert shipped.returncode == 0, shipped.stderr
    assert shipped.stdout.strip() == "Batch RTV-000001 shipped on 2026-01-02 with SF Express."
    batch = RtvBatch.get()
    assert (batch.state, str(batch.shipped_on), batch.carrier) == (
        "shipped",
        "2026-01-02",
        "SF Express",
    )
    assert {unit.state for unit in Unit.select()} == {"shipped"}
    again = rtv_cli(db_url, "ship", "RTV-000001", "--carrier", "UPS")
    assert again.returncode == 1 and "nothing changed" in again.stderr
    # The command line acts as its station, as ``outcomes export`` does: no user, a station.
    records = AuditRecord.select().where(
        AuditRecord.action.in_(["rtv_batch.closed", "rtv_batch.shipped"])
    )
    assert [(r.user_name, bool(r.station_code)) for r in records] == [(None, True)] * 2
    assert verify_chain().ok


def test_the_manifest_command_writes_pdf_or_csv_only(
    batched: list[str], db_url: str, tmp_path: Path
) -> None:
    target = tmp_path / "m.csv"
    written = rtv_cli(db_url, "manifest", "RTV-000001", "-o", str(target))
    assert written.returncode == 0, written.stderr
    assert target.read_bytes().decode("utf-8-sig").count("\r\n") == 3  # header and two units
    assert rtv_cli(db_url, "manifest", "RTV-000001", "-o", str(tmp_path / "m.txt")).returncode == 2
    missing = rtv_cli(db_url, "manifest", "RTV-404", "-o", str(target))
    assert missing.returncode == 1 and "no vendor-return batch RTV-404" in missing.stderr
    nowhere = rtv_cli(db_url, "manifest", "RTV-000001", "-o", str(tmp_path / "no" / "m.pdf"))
    assert nowhere.returncode == 1 and "Cannot write" in nowhere.stderr
