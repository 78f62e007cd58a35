"""The ``[photos]`` table of the station file: where photos go and how large they are stored."""

from __future__ import annotations

from pathlib import Path

import pytest

from receiving_app.errors import InvalidInput
from receiving_app.settings import PhotoSettings, config_file, load_station_settings


def settings_with(text: str) -> PhotoSettings:
    path = config_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return load_station_settings().photos


def test_without_a_photos_table_photos_go_beside_the_database(isolated_home: Path) -> None:
    assert load_station_settings().photos == PhotoSettings(isolated_home / "data" / "photos", 2048)
    assert settings_with("[photos]\n") == PhotoSettings(isolated_home / "data" / "photos", 2048)
    assert not (isolated_home / "data" / "photos").exists()  # made by the first photo


def test_a_shared_folder_and_the_size_are_read(tmp_path: Path) -> None:
    shared = tmp_path / "server" / "photos"
    assert settings_with(f'[photos]\nfolder = "{shared}"\nmax_edge = 1600\n') == PhotoSettings(
        shared, 1600
    )
    relative = settings_with('[photos]\nfolder = "dock-photos"\nmax_edge = 640\n')
    assert relative == PhotoSettings(config_file().parent / "dock-photos", 640)
    assert settings_with("[photos]\nmax_edge = 8192\n").max_edge == 8192


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("photos = 3\n", "photos"),
        ('[photos]\nfolder = ""\n', "photos.folder"),
        ("[photos]\nfolder = 7\n", "photos.folder"),
        ("[photos]\nmax_edge = 639\n", "photos.max_edge"),
        ("[photos]\nmax_edge = 8193\n", "photos.max_edge"),
        ('[photos]\nmax_edge = "2048"\n', "photos.max_edge"),
        ("[photos]\nmax_edge = 2048.5\n", "photos.max_edge"),
        ("[photos]\nmax_edge = true\n", "photos.max_edge"),
        ("[photos]\nmax_egde = 2048\n", "photos.max_egde"),
    ],
)
def test_wrong_photo_settings_name_the_key(text: str, key: str) -> None:
    with pytest.raises(InvalidInput) as error:
        settings_with(text)
    assert error.value.params["key"] == key
