"""Printers for the tests, real sockets and real processes: a ZPL printer on a loopback port,
printers that refuse, never answer or stop reading, and fake ``lp`` commands first on PATH."""

from __future__ import annotations

import datetime
import json
import os
import socket
import stat
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

import pytest

from db.models import PrintJob

# More than the kernel buffers on both ends of a loopback connection hold (a few MB): a printer
# that stops reading makes the sender wait.
HUGE_LABEL_BYTES = 12 << 20


class FakeZPLPrinter:
    """Listens on 127.0.0.1 (a free port, as a ZPL printer on 9100 does) and keeps every label:
    what one connection sent until the sender closed its side."""

    def __init__(self, port: int = 0) -> None:
        self._server = socket.create_server(("127.0.0.1", port))
        self._server.settimeout(0.05)
        self.port: int = self._server.getsockname()[1]
        self.received: list[bytes] = []
        self._changed = threading.Condition()
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._serve, name="fake-zpl-printer")
        self._thread.start()

    @property
    def target(self) -> str:
        return f"127.0.0.1:{self.port}"

    def _serve(self) -> None:
        while not self._stopping.is_set():
            try:
                connection, _ = self._server.accept()
            except TimeoutError:
                continue
            with connection:
                connection.settimeout(5)
                chunks = []
                while chunk := connection.recv(65536):
                    chunks.append(chunk)
            with self._changed:
                self.received.append(b"".join(chunks))
                self._changed.notify_all()

    def wait_for(self, count: int, timeout: float = 5) -> list[bytes]:
        """The labels received once there are ``count`` of them (fails after ``timeout``)."""
        with self._changed:
            assert self._changed.wait_for(lambda: len(self.received) >= count, timeout), (
                f"the printer got {len(self.received)} labels, expected {count}"
            )
            return list(self.received)

    def close(self) -> None:
        self._stopping.set()
        self._thread.join(timeout=10)
        self._server.close()


def free_port() -> int:
    """A loopback port where nothing listens (yet): connecting is refused at once."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def refusing_target() -> str:
    return f"127.0.0.1:{free_port()}"


@contextmanager
def never_accepting_printer() -> Iterator[str]:
    """A printer that hangs before the connection: its accept queue is full, so a connect gets
    no answer at all (Linux drops the SYN)."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(0)
    address = server.getsockname()
    fillers = []
    for _ in range(3):
        filler = socket.socket()
        filler.setblocking(False)
        filler.connect_ex(address)
        fillers.append(filler)
    try:
        yield f"127.0.0.1:{address[1]}"
    finally:
        for filler in fillers:
            filler.close()
        server.close()


@contextmanager
def never_reading_printer() -> Iterator[str]:
    """A printer that takes the connection and then reads nothing (out of paper, buffer full)."""
    server = socket.socket()
    server.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    server.bind(("127.0.0.1", 0))
    server.listen(4)
    try:
        yield f"127.0.0.1:{server.getsockname()[1]}"
    finally:
        server.close()


class FakeLp:
    """An ``lp`` first on PATH: a shell script that records its arguments and standard input."""

    def __init__(self, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv("PATH", f"{folder}{os.pathsep}{os.environ['PATH']}")

    def install(self, body: str) -> None:
        script = self.folder / "lp"
        script.write_text(f'#!/bin/sh\nrecord="{self.folder}"\n{body}', encoding="utf-8")
        script.chmod(script.stat().st_mode | stat.S_IXUSR)

    def accepting(self) -> None:
        """Takes every job, as lp does when CUPS queued it."""
        self.install(
            'printf "%s\\n" "$@" > "$record/args"\n'
            'cat > "$record/stdin"\n'
            'echo "request id is $2-1 (1 file(s))"\n'
        )

    def refusing(self) -> None:
        """Refuses every job, as lp does for a queue CUPS does not have."""
        self.install(
            'cat > /dev/null\necho "lp: The printer or class does not exist." >&2\nexit 1\n'
        )

    def hanging(self) -> None:
        """Never finishes (a CUPS server that does not answer); its child records its pid."""
        self.install('sleep 30 &\necho $! > "$record/child"\nwait\n')

    @property
    def args(self) -> list[str]:
        return (self.folder / "args").read_text(encoding="utf-8").splitlines()

    @property
    def stdin(self) -> bytes:
        return (self.folder / "stdin").read_bytes()

    @property
    def child_pid(self) -> int:
        return int((self.folder / "child").read_text(encoding="utf-8"))


def process_alive(pid: int) -> bool:
    """True while ``pid`` runs (a zombie waiting for its reaper counts as ended)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text(encoding="utf-8").rsplit(")", 1)[1].split()
    except FileNotFoundError:
        return False
    return fields[0] not in ("Z", "X")


def label_payload(lpn: str) -> dict[str, object]:
    """The data an LPN label is queued with, as receiving queues it."""
    return {
        "lpn": lpn,
        "sku": "AP-2001",
        "product_name": "T-shirt 衬衫",
        "rma": "RMA00000001",
        "serial": None,
        "received_at": "2026-11-24 10:42:00",
        "station": "DOCK-1",
    }


def queue_label(
    station_id: int,
    lpn: str,
    now: datetime.datetime,
    kind: str = "lpn",
    printer: str = "label",
) -> PrintJob:
    return PrintJob.create(
        kind=kind,
        reference=lpn,
        payload=json.dumps(label_payload(lpn), ensure_ascii=False),
        printer=printer,
        station=station_id,
        created_at=now,
    )


class ZPLRenderer:
    """A stand-in ZPL renderer that counts its calls: the spooler's render function is injected,
    and what is under test here is the queue, not the label layout."""

    def __init__(self, size: int = 0) -> None:
        self.calls = 0
        self._padding = b" " * size

    def __call__(
        self, kind: str, payload: Mapping[str, object], size: str, dpi: int, label_format: str
    ) -> bytes:
        self.calls += 1
        assert label_format == "zpl"
        return f"^XA^FO50,50^FD{kind} {payload['lpn']} {size} {dpi}^FS".encode() + (
            self._padding + b"^XZ"
        )
