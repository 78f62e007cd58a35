"""``receiving-app decode IMAGE...`` as a script uses it: a real process, real files."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import cv2
import numpy as np

from tests.conftest import SHARED
from tests.core.test_cli import cli

DATASET = SHARED / "datasets" / "barcodes-dev"
IMAGES = [
    "datamatrix/zxing-cpp_datamatrix-3__794.png",  # GS1: a GS separator inside
    "code128/zxing-cpp_code128-1_1.png",
    "upce/zxing-cpp_upce-2_01.webp",
    "qrcode/zxing-cpp_qrcode-1_1.webp",
]


def expected(name: str) -> dict[str, object]:
    with (DATASET / "manifest.csv").open(newline="", encoding="utf-8") as file:
        row = next(row for row in csv.DictReader(file) if row["file"] == name)
    return {
        "file": str(DATASET / name),
        "codes": [{"text": row["expected_text"], "format": row["format"]}],
    }


def test_decode_prints_one_json_line_per_image_in_order(tmp_path: Path) -> None:
    broken = tmp_path / "label.png"
    broken.write_bytes((DATASET / IMAGES[1]).read_bytes()[:200])
    blank = tmp_path / "blank.png"
    cv2.imwrite(str(blank), np.full((200, 300), 255, np.uint8))
    files = [
        str(DATASET / IMAGES[0]),
        str(broken),
        str(blank),
        *(str(DATASET / n) for n in IMAGES[1:]),
    ]

    result = cli("decode", *files)

    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines == [
        expected(IMAGES[0]),
        {
            "file": str(broken),
            "error": f"{broken} is not an image or is damaged: "
            "use a PNG, JPEG, WebP, BMP or TIFF file.",
        },
        {"file": str(blank), "codes": []},
        *(expected(name) for name in IMAGES[1:]),
    ]
    assert "\\u001d" in result.stdout.splitlines()[0]  # the GS kept, escaped as JSON does
    assert result.returncode == 1
    assert result.stderr == ""


def test_decode_exits_0_when_every_file_was_read_even_without_codes(tmp_path: Path) -> None:
    blank = tmp_path / "blank.png"
    cv2.imwrite(str(blank), np.full((200, 300, 3), 255, np.uint8))

    result = cli("decode", str(blank), str(DATASET / IMAGES[1]))

    assert [json.loads(line) for line in result.stdout.splitlines()] == [
        {"file": str(blank), "codes": []},
        expected(IMAGES[1]),
    ]
    assert result.returncode == 0


def test_decode_reports_a_missing_file_and_goes_on(tmp_path: Path) -> None:
    missing = tmp_path / "gone.jpg"

    result = cli("decode", str(missing), str(DATASET / IMAGES[2]))

    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines == [
        {"file": str(missing), "error": f"Cannot read {missing}: No such file or directory."},
        expected(IMAGES[2]),
    ]
    assert result.returncode == 1
