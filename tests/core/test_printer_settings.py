"""Printer settings in station.toml: every station's printers, validated with a message naming the
key and what to write."""

from __future__ import annotations

from pathlib import Path

import pytest

from receiving_app.errors import InvalidInput
from receiving_app.settings import (
    LabelFormat,
    PrinterBackend,
    PrinterSettings,
    load_station_settings,
)


def _load(tmp_path: Path, text: str) -> tuple[PrinterSettings, ...]:
    path = tmp_path / "station.toml"
    path.write_text(text, encoding="utf-8")
    return load_station_settings(path).printers


def test_three_printers_of_each_back_end(tmp_path: Path) -> None:
    printers = _load(
        tmp_path,
        """
[station]
code = "DOCK-2"

[printers.label]
backend = "raw9100"
target = "192.168.1.50"
size = "4x2"
dpi = 300
timeout = 2.5

[printers.office]
backend = "cups"
target = "Office_Laser"

[printers.archive]
backend = "folder"
target = "labels"
format = "zpl"
size = "62x29mm"
""",
    )
    label, office, archive = printers
    assert label == PrinterSettings(
        "label", PrinterBackend.RAW9100, "192.168.1.50", LabelFormat.ZPL, "4x2", 300, 2.5
    )
    assert label.address == ("192.168.1.50", 9100)
    assert office == PrinterSettings("office", PrinterBackend.CUPS, "Office_Laser")
    assert (office.format, office.size, office.dpi, office.timeout) == ("pdf", "4x6", 203, 5.0)
    assert archive.target == str(tmp_path / "labels")  # relative to the settings file
    assert (archive.format, archive.size) == ("zpl", "62x29mm")


def test_a_raw_printer_may_name_its_port_and_an_ipv6_address(tmp_path: Path) -> None:
    (printer,) = _load(tmp_path, '[printers.zebra]\nbackend = "raw9100"\ntarget = "[::1]:6101"\n')
    assert printer.address == ("::1", 6101)


def test_without_printers_the_station_writes_pdfs_into_its_data_folder(
    tmp_path: Path, isolated_home: Path
) -> None:
    (printer,) = _load(tmp_path, '[station]\ncode = "DOCK-3"\n')
    assert (printer.name, printer.backend, printer.format) == ("label", "folder", "pdf")
    assert Path(printer.target) == isolated_home / "data" / "labels"
    assert load_station_settings(tmp_path / "missing.toml").printers == (printer,)


@pytest.mark.parametrize(
    ("table", "key", "expected"),
    [
        ('backend = "usb"\ntarget = "x"', "printers.label.backend", '"folder" or "cups"'),
        ('target = "x"', "printers.label.backend", '"raw9100"'),
        ('backend = "cups"', "printers.label.target", "CUPS queue or host:port"),
        ('backend = "cups"\ntarget = "-o evil"', "printers.label.target", "CUPS queue"),
        ('backend = "cups"\ntarget = "a b"', "printers.label.target", "CUPS queue"),
        ('backend = "raw9100"\ntarget = "zebra:99999"', "printers.label.target", "host:port"),
        ('backend = "raw9100"\ntarget = "zebra:x"', "printers.label.target", "host:port"),
        (
            'backend = "raw9100"\ntarget = "zebra"\nformat = "pdf"',
            "printers.label.format",
            "raw9100 printer takes ZPL",
        ),
        ('backend = "folder"\ntarget = "x"\nformat = "png"', "printers.label.format", '"zpl"'),
        ('backend = "folder"\ntarget = "x"\nsize = "A4"', "printers.label.size", '"62x29mm"'),
        ('backend = "folder"\ntarget = "x"\ndpi = 600', "printers.label.dpi", "203 or 300"),
        ('backend = "folder"\ntarget = "x"\ndpi = true', "printers.label.dpi", "203 or 300"),
        ('backend = "folder"\ntarget = "x"\ntimeout = 0', "printers.label.timeout", "seconds"),
        ('backend = "folder"\ntarget = "x"\ntimeout = 600', "printers.label.timeout", "120"),
        ('backend = "folder"\ntarget = "x"\ntimeout = "5"', "printers.label.timeout", "seconds"),
        ('backend = "folder"\ntarget = "x"\ntimout = 5', "printers.label.timout", "left out"),
    ],
)
def test_a_wrong_printer_key_is_named_with_what_to_write(
    tmp_path: Path, table: str, key: str, expected: str
) -> None:
    with pytest.raises(InvalidInput) as refused:
        _load(tmp_path, f"[printers.label]\n{table}\n")
    assert refused.value.params["key"] == key
    assert expected in str(refused.value)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ('printers = "zebra"\n', "printers"),
        ("[printers]\n", "printers"),
        ('[printers]\nlabel = "zebra"\n', "printers.label"),
        ('[printers.Label]\nbackend = "folder"\ntarget = "x"\n', "printers.Label"),
    ],
)
def test_the_printers_table_itself_is_checked(tmp_path: Path, text: str, key: str) -> None:
    with pytest.raises(InvalidInput) as refused:
        _load(tmp_path, text)
    assert refused.value.params["key"] == key
