"""`receiving-app label sample` as whoever sets up a printer runs it: a real process, real files."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from labels import CAPTION_KEYS, LabelFormat, LabelKind, LabelSize
from receiving_app import label_cli
from receiving_app.i18n import identity_translate
from receiving_app.label_captions import LABEL_KINDS, label_captions
from tests.labels.label_cases import BARCODE, CHINESE
from tests.labels.zpl_reader import decode_code128_data, read_zpl

ROOT = Path(__file__).resolve().parents[2]
ENGLISH = {"LANG": "C.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "LANGUAGE": ""}
CHINESE_STATION = {"LANG": "zh_CN.UTF-8", "LC_ALL": "", "LC_MESSAGES": "", "LANGUAGE": ""}


def label_sample(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "receiving_app", "label", "sample", *args],
        cwd=ROOT,
        capture_output=True,
        check=False,
        text=True,
        timeout=120,
        env={**os.environ, **(env or ENGLISH)},
    )


@pytest.mark.parametrize("fmt", ["pdf", "zpl"])
@pytest.mark.parametrize("kind", ["lpn", "disposition", "parcel"])
def test_each_kind_and_format_is_written_and_its_path_printed(
    tmp_path: Path, rasterise, decode, pdf_text, kind: str, fmt: str
) -> None:
    output = tmp_path / f"{kind}.{fmt}"
    result = label_sample(kind, "--size", "4x2", "--dpi", "300", "--format", fmt, "-o", str(output))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == str(output)
    assert sorted(path.name for path in tmp_path.iterdir()) == [output.name]
    label = output.read_bytes()
    expected = BARCODE[LabelKind(kind)]
    if fmt == "pdf":
        assert decode(rasterise(label, 300)[0]) == [expected]
        assert CHINESE[LabelKind(kind)] in pdf_text(label)
    else:
        zpl = read_zpl(label)
        assert (zpl.value("PW"), zpl.value("LL")) == ("1200", "600")
        (barcode,) = [field for field in zpl.fields if field.kind == "barcode"]
        assert decode_code128_data(barcode.data)[0] == expected
        assert CHINESE[LabelKind(kind)].encode("utf-8") in label


def test_an_existing_file_is_replaced(tmp_path: Path) -> None:
    output = tmp_path / "label.zpl"
    output.write_bytes(b"an older label")
    result = label_sample(
        "lpn", "--size", "62x29mm", "--dpi", "203", "--format", "zpl", "-o", str(output)
    )
    assert result.returncode == 0, result.stderr
    assert output.read_bytes().startswith(b"^XA")


@pytest.mark.parametrize(
    ("args", "named", "allowed"),
    [
        (["lpn", "--size", "A4", "--dpi", "203", "--format", "pdf"], "--size", "'62x29mm'"),
        (["lpn", "--size", "4x6", "--dpi", "600", "--format", "pdf"], "--dpi", "'300'"),
        (["lpn", "--size", "4x6", "--dpi", "high", "--format", "pdf"], "--dpi", "'203'"),
        (["lpn", "--size", "4x6", "--dpi", "203", "--format", "png"], "--format", "'zpl'"),
        (["sticker", "--size", "4x6", "--dpi", "203", "--format", "pdf"], "KIND", "'parcel'"),
        (["lpn", "--dpi", "203", "--format", "pdf"], "--size", "--size"),
    ],
)
def test_bad_arguments_are_usage_errors_listing_the_choices(
    tmp_path: Path, args: list[str], named: str, allowed: str
) -> None:
    output = tmp_path / "label.pdf"
    result = label_sample(*args, "-o", str(output))
    assert result.returncode == 2
    assert named in result.stderr and allowed in result.stderr
    assert not output.exists()


def test_an_unwritable_file_fails_with_the_reason_and_leaves_nothing(tmp_path: Path) -> None:
    for target in (tmp_path / "missing" / "label.pdf", tmp_path):
        result = label_sample(
            "parcel", "--size", "4x6", "--dpi", "203", "--format", "pdf", "-o", str(target)
        )
        assert result.returncode == 1
        assert f"Cannot write {target}" in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_chinese_station_prints_the_route_in_chinese(tmp_path: Path, pdf_text) -> None:
    output = tmp_path / "label.pdf"
    result = label_sample(
        "disposition", "--size", "4x6", "--dpi", "203", "--format", "pdf", "-o", str(output),
        env=CHINESE_STATION,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert "翻新" in pdf_text(output.read_bytes())  # "refurbish", translated for routing


def test_the_help_lists_the_command() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "receiving_app", "--help"],
        cwd=ROOT,
        capture_output=True,
        check=False,
        text=True,
        timeout=120,
        env={**os.environ, **ENGLISH},
    )
    assert result.returncode == 0 and "label" in result.stdout


def test_the_command_line_offers_what_labels_renders() -> None:
    assert LABEL_KINDS == tuple(kind.value for kind in LabelKind)
    assert label_cli.SIZES == tuple(size.value for size in LabelSize)
    assert label_cli.FORMATS == tuple(fmt.value for fmt in LabelFormat)
    for kind in LabelKind:
        assert tuple(label_captions(kind.value, identity_translate)) == CAPTION_KEYS[kind]
