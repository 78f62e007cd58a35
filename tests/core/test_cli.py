"""The headless commands as a script or a supervisor uses them: real processes, real files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from db.connection import open_database
from db.models import AuditRecord
from db.schema import known_migrations

ROOT = Path(__file__).resolve().parents[2]
# The commands speak the locale's language: these tests read English unless they say otherwise.
ENGLISH = {"LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "LANGUAGE": ""}


def cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "receiving_app", *args],
        cwd=ROOT,
        capture_output=True,
        check=False,
        text=True,
        timeout=300,
        env={**os.environ, **ENGLISH, **(env or {})},
    )


def test_identify_prints_one_json_object_per_text() -> None:
    texts = [
        "1Z999AA10123456784",
        "RMA00000042",
        "",
        "\x1d",
        "１Ｚ９９９ＡＡ１０１２３４５６７８４",
        "'; DROP TABLE x; --",
        "]C1",
        "😀",
    ]
    result = cli("identify", *texts)
    assert result.returncode == 0, result.stderr
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == len(texts)
    assert rows[0]["kind"] == "tracking" and rows[0]["carrier"] == "ups" and rows[0]["valid"]
    assert rows[0]["candidates"] == ["ups"]
    assert rows[1] == {**rows[1], "kind": "rma", "value": "RMA00000042"}
    assert rows[4]["kind"] == "tracking" and rows[4]["value"] == "1Z999AA10123456784"
    for row in rows[2:4] + rows[5:]:
        assert row["kind"] == "unknown" and row["hint"]
        assert {"kind", "value", "carrier", "candidates", "valid"} <= row.keys()


def test_user_add_then_audit_verify(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'dock.db'}"
    assert cli("db", "upgrade", "--db", url).returncode == 0
    added = cli(
        "user",
        "add",
        "chen.jie",
        "--role",
        "supervisor",
        "--badge",
        "BDG0100",
        "--pin",
        "123456",
        "--db",
        url,
    )
    assert added.returncode == 0, added.stderr
    twice = cli("user", "add", "chen.jie", "--role", "dock", "--db", url)
    assert twice.returncode == 1 and "already exists" in twice.stderr
    bad_role = cli("user", "add", "x", "--role", "boss", "--db", url)
    assert bad_role.returncode == 1 and "Unknown role" in bad_role.stderr
    verified = cli("audit", "verify", "--db", url)
    assert verified.returncode == 0 and "intact" in verified.stdout

    database = open_database(url)
    with database.connection_context():
        AuditRecord.update(action="user.deleted").where(AuditRecord.seq == 2).execute()
    broken = cli("audit", "verify", "--db", url)
    assert broken.returncode == 1 and "broken at record 2" in broken.stdout


def test_an_outdated_database_asks_for_db_upgrade(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'empty.db'}"
    result = cli("audit", "verify", "--db", url)
    assert result.returncode == 1 and "receiving-app db upgrade" in result.stderr
    applied = f"Applied {len(known_migrations())} migration(s)"
    assert applied in cli("db", "upgrade", "--db", url).stdout
    assert "already at the current schema" in cli("db", "upgrade", "--db", url).stdout


@pytest.mark.parametrize("url", ["mysql://h/d", "sqlite:///no/such/dir/x.db"])
def test_bad_urls_are_usage_errors(url: str) -> None:
    result = cli("db", "upgrade", "--db", url)
    assert (
        result.returncode == 2
        and "sqlite:///" in result.stderr
        or "does not exist" in result.stderr
    )


def test_help_lists_the_commands() -> None:
    result = cli("--help")
    assert result.returncode == 0
    for command in ("identify", "db", "audit", "user", "demo-data", "--demo"):
        assert command in result.stdout


def test_demo_data_writes_the_sheet_and_its_json(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'demo.db'}"
    sheet, listing = tmp_path / "sheet.pdf", tmp_path / "sheet.json"
    result = cli(
        "demo-data",
        "--db",
        url,
        "--orders",
        "300",
        "--seed",
        "5",
        "--sheet",
        str(sheet),
        "--sheet-json",
        str(listing),
    )
    assert result.returncode == 0, result.stderr
    assert "orders 300" in result.stdout
    assert sheet.read_bytes().startswith(b"%PDF")
    codes = json.loads(listing.read_text(encoding="utf-8"))
    kinds = {code["kind"] for code in codes}
    assert kinds == {"badge", "tracking", "rma", "order", "unit", "wrong_item"}
    for code in codes:
        assert code["code"] and code["label"]
        assert ("rma" in code) == (code["kind"] in ("tracking", "unit", "wrong_item"))
    again = cli("demo-data", "--db", url, "--orders", "10")
    assert again.returncode == 1 and "already" in again.stderr


def test_demo_data_refuses_bad_arguments(tmp_path: Path) -> None:
    assert cli("demo-data", "--orders", "5").returncode == 2  # no --db: never a guess
    assert (
        cli("demo-data", "--db", f"sqlite:///{tmp_path / 'x.db'}", "--orders", "0").returncode == 2
    )
    missing_folder = cli(
        "demo-data",
        "--db",
        f"sqlite:///{tmp_path / 'x.db'}",
        "--sheet",
        str(tmp_path / "nope" / "s.pdf"),
    )
    assert missing_folder.returncode == 2 and "does not exist" in missing_folder.stderr


def test_the_commands_speak_chinese_on_a_chinese_station(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'dock.db'}"
    chinese = {"LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "LANGUAGE": ""}
    upgraded = cli("db", "upgrade", "--db", url, env=chinese)
    assert upgraded.returncode == 0 and "已执行" in upgraded.stdout
    verified = cli("audit", "verify", "--db", url, env=chinese)
    assert "审计链完整" in verified.stdout
    refused = cli("user", "add", "x", "--role", "boss", "--db", url, env=chinese)
    assert refused.returncode == 1 and "boss" in refused.stderr
    assert any("\u4e00" <= char <= "\u9fff" for char in refused.stderr)
    assert "数据库地址" in cli("identify", "--help", env=chinese).stdout


def test_a_reader_that_goes_away_ends_the_command_quietly() -> None:
    """Like `receiving-app checklist show electronics | head -1`, with the reader already gone."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = subprocess.run(
            [sys.executable, "-m", "receiving_app", "checklist", "show", "electronics"],
            cwd=ROOT,
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
            env={**os.environ, **ENGLISH},
            timeout=60,
        )
    finally:
        os.close(write_end)
    assert result.returncode == 141
    assert "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr
