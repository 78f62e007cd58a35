"""``receiving-app import``: the command's flags, output and exit codes, as a script uses them."""

from __future__ import annotations

import re
from pathlib import Path

from db.connection import open_database
from db.models import AuditRecord, Order, OrderLine
from tests.core.test_cli import cli

SAMPLES = Path(__file__).resolve().parents[2] / "docs" / "samples"
SUMMARY = re.compile(
    r"^Imported (\w+) from .+: (\d+) inserted, (\d+) updated, (\d+) unchanged, (\d+) rejected "
    r"in [\d.]+ s \(\d+ rows/s\)\.$"
)


def counts(stdout: str) -> tuple[str, ...]:
    lines = [line for line in stdout.splitlines() if line.startswith("Imported ")]
    match = SUMMARY.match(lines[0] if lines else "")
    assert match, stdout
    return match.groups()


def test_import_the_samples_then_again(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'dock.db'}"
    assert cli("db", "upgrade", "--db", url).returncode == 0
    first = cli("import", "vendors", str(SAMPLES / "vendors.csv"), "--db", url)
    assert first.returncode == 0, first.stderr
    assert counts(first.stdout) == ("vendors", "12", "0", "0", "0")
    again = cli("import", "vendors", str(SAMPLES / "vendors.csv"), "--db", url)
    assert counts(again.stdout) == ("vendors", "0", "0", "12", "0")
    cli("import", "products", str(SAMPLES / "products.csv"), "--db", url)
    taobao = cli(
        "import", "orders", str(SAMPLES / "taobao-orders.csv"), "--db", url, "--channel", "taobao"
    )
    assert counts(taobao.stdout) == ("orders", "4", "0", "0", "0"), taobao.stderr
    assert "channels 1, customers 3" in taobao.stdout


def test_a_file_with_problems_is_refused_with_one_line_each(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'dock.db'}"
    cli("db", "upgrade", "--db", url)
    cli("import", "vendors", str(SAMPLES / "vendors.csv"), "--db", url)
    cli("import", "products", str(SAMPLES / "products.csv"), "--db", url)
    path = tmp_path / "orders.csv"
    lines = [(SAMPLES / "orders.csv").read_text(encoding="utf-8").splitlines()[0]]
    lines += [f"SO{i},web,2026-11-01 09:00:00,,,,1,NOPE,1,1.00" for i in range(250)]
    lines.append("SOX,web,2026-11-01 09:00:00,,,,1,EL-1001,1,1.00")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    refused = cli("import", "orders", str(path), "--db", url)
    assert refused.returncode == 1
    out = refused.stdout.splitlines()
    assert out[0] == "row 2, column sku: unknown SKU: import the products first (NOPE)"
    assert out[200] == "... and 50 more problem(s)."
    assert out[201].startswith("Nothing imported: 250 problem(s) in ")
    database = open_database(url)
    with database.connection_context():
        assert Order.select().count() == 0
        assert not AuditRecord.select().where(AuditRecord.entity_id == "orders").exists()

    rejected = tmp_path / "fix-me.csv"
    valid = cli(
        "import", "orders", str(path), "--db", url, "--valid-only", "--rejected", str(rejected)
    )
    assert valid.returncode == 0, valid.stderr
    assert counts(valid.stdout) == ("orders", "1", "0", "0", "250")
    assert valid.stdout.splitlines()[-2] == "Also created: channels 1."
    assert valid.stdout.splitlines()[-1] == f"Rejected rows written to {rejected}."
    assert len(rejected.read_text(encoding="utf-8-sig").splitlines()) == 251
    with database.connection_context():
        assert OrderLine.select().count() == 1


def test_usage_errors(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'dock.db'}"
    cli("db", "upgrade", "--db", url)
    assert cli("import", "parcels", "x.csv", "--db", url).returncode == 2
    assert cli("import", "orders", "--db", url).returncode == 2
    mapping = tmp_path / "mapping.json"
    mapping.write_text('{"entities": {"orders": {"columns": {"colour": "x"}}}}', encoding="utf-8")
    wrong = cli(
        "import", "orders", str(SAMPLES / "orders.csv"), "--db", url, "--mapping", str(mapping)
    )
    assert wrong.returncode == 1
    assert "entities.orders.columns.colour" in wrong.stderr
    junk = tmp_path / "junk.csv"
    junk.write_bytes(bytes(range(256)) * 10)
    broken = cli("import", "orders", str(junk), "--db", url)
    assert broken.returncode == 1
    assert broken.stdout.startswith(f"{junk}: not a CSV or XLSX file")
    help_text = cli("import", "--help").stdout
    for flag in ("--db", "--channel", "--mapping", "--valid-only", "--rejected"):
        assert flag in help_text
