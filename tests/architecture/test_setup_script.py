"""`make run` / `make test` set-up: a user who cannot install packages gets the exact command."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "scripts" / "system-packages.sh"


def _fake_dpkg(folder: Path, missing: set[str]) -> None:
    """A dpkg-query that reports ``missing`` packages as not installed, all others installed."""
    folder.mkdir(parents=True, exist_ok=True)
    fake = folder / "dpkg-query"
    fake.write_text(
        "#!/bin/sh\n"
        "for last; do :; done\n"
        f'case "$last" in {"|".join(sorted(missing))}) exit 1;; esac\n'
        "printf installed\n"
    )
    fake.chmod(0o755)
    os.chmod(folder, 0o755)


def test_everything_installed_needs_nothing(tmp_path: Path) -> None:
    _fake_dpkg(tmp_path / "bin", {"no-such-package"})
    result = subprocess.run(
        ["bash", str(SCRIPT), "test"],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, "PATH": f"{tmp_path / 'bin'}:{os.environ['PATH']}"},
    )
    assert result.returncode == 0, result.stderr
    assert "Installing" not in result.stdout


@pytest.mark.skipif(
    os.geteuid() != 0 or not shutil.which("runuser"),
    reason="needs root to run the script as an unprivileged user",
)
def test_a_user_without_rights_is_told_the_exact_command(tmp_path: Path) -> None:
    folder = Path("/tmp") / f"fake-dpkg-{os.getpid()}"
    _fake_dpkg(folder, {"libzbar0", "postgresql"})
    try:
        result = subprocess.run(
            [
                "runuser",
                "-u",
                "nobody",
                "--",
                "env",
                f"PATH={folder}:/usr/bin:/bin",
                "bash",
                str(SCRIPT),
                "test",
            ],
            capture_output=True,
            text=True,
            check=False,
        )
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    assert result.returncode == 1
    assert "sudo apt-get install -y libzbar0 postgresql" in result.stderr
