"""A virtual ESC/POS network printer: speaks the wire protocol on TCP, answers ``DLE EOT``,
runs out of paper on request, can hang, and saves each cut receipt as ``.txt`` and ``.png``.

In-process use (tests, ``main.py demo``)::

    with VirtualPrinter(out_dir, port=0) as vp:   # port 0: a free port
        spec = vp.spec                             # "network:127.0.0.1:NNNNN"
        vp.set_paper("out")
"""

from __future__ import annotations

import logging
import socket
import socketserver
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from printing.escpos_parse import EscposParser
from printing.paper_image import CELL_W, render_png, render_text
from printing.virtual_session import Session

log = logging.getLogger(__name__)

PAPER_STATES = ("ok", "near-end", "out")


@dataclass(frozen=True)
class SavedReceipt:
    number: int
    txt: Path
    png: Path
    text: str


class _Handler(socketserver.BaseRequestHandler):
    server: _Server

    def handle(self) -> None:
        self.server.printer._serve(self.request)


class _Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True
    block_on_close = False

    def __init__(self, address: tuple[str, int], printer: VirtualPrinter) -> None:
        self.printer = printer
        super().__init__(address, _Handler)


class VirtualPrinter:
    """The printer; thread-safe. Its paper and hang state may change while it runs."""

    def __init__(self, out_dir: Path | str, host: str = "127.0.0.1", port: int = 9100, *,
                 paper: str = "ok", dots: int = 512,
                 announce: Callable[[str], None] | None = None) -> None:
        self.out_dir = Path(out_dir)
        self.host, self.port = host, port
        self.dots = dots
        self.columns = dots // CELL_W
        self.announce = announce or (lambda line: None)
        self._lock = threading.Condition()
        self._paper = "ok"
        self._lines_left: int | None = None
        self._online = True
        self._awake = threading.Event()
        self._awake.set()
        self._stopping = threading.Event()
        self._clients: set[socket.socket] = set()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._count = 0
        self.receipts: list[SavedReceipt] = []
        self.discarded = 0
        self.most_connections = 0  # the most clients talking to it at once: more than 1 is a collision
        self.set_paper(paper)

    # -- control, from tests, the CLI's stdin, or the demo ---------------------------------

    @property
    def spec(self) -> str:
        return f"network:{self.host}:{self.port}"

    @property
    def paper(self) -> str:
        with self._lock:
            return self._paper

    def set_paper(self, state: str) -> None:
        if state not in PAPER_STATES:
            raise ValueError(f"paper must be one of {', '.join(PAPER_STATES)}, not {state!r}")
        with self._lock:
            self._paper = state
            self._lines_left = None

    def run_out_after(self, lines: int) -> None:
        """Print ``lines`` more lines, then be out of paper (mid-job if a job is running)."""
        with self._lock:
            self._lines_left = max(0, lines)

    def set_online(self, online: bool) -> None:
        with self._lock:
            self._online = online

    def set_hang(self, hang: bool) -> None:
        """While hanging, connections are accepted but nothing is read or answered."""
        (self._awake.clear if hang else self._awake.set)()

    def wait_for_receipts(self, count: int, timeout: float = 5.0) -> list[SavedReceipt]:
        with self._lock:
            if not self._lock.wait_for(lambda: len(self.receipts) >= count, timeout):
                raise TimeoutError(f"{len(self.receipts)} receipts saved, expected {count}")
            return list(self.receipts)

    # -- lifecycle --------------------------------------------------------------------------

    def start(self) -> VirtualPrinter:
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self._stopping.clear()
        self._server = _Server((self.host, self.port), self)
        self.host, self.port = str(self._server.server_address[0]), int(self._server.server_address[1])
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        name="virtual-printer", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stopping.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        with self._lock:
            clients = list(self._clients)
        for client in clients:
            try:
                client.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def __enter__(self) -> VirtualPrinter:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- the printer body its sessions share ---------------------------------------------------

    def status_byte(self, n: int) -> int:
        with self._lock:
            out = self._paper == "out"
            offline = out or not self._online
            if n == 1:
                return 0x12 | (0x08 if offline else 0)
            if n == 2:
                return 0x12 | (0x20 if out else 0) | (0x40 if not self._online else 0)
            if n == 4:
                return 0x12 | (0x60 if out else 0) | (0x0C if self._paper == "near-end" else 0)
            return 0x12

    def take_paper(self, lines: int) -> bool:
        """Take paper for ``lines`` lines; False when there is none (now or part way)."""
        with self._lock:
            if self._paper == "out" or not self._online:
                return False
            if self._lines_left is not None:
                if self._lines_left < lines:
                    self._paper, self._lines_left = "out", None
                    return False
                self._lines_left -= lines
            return True

    def _serve(self, sock: socket.socket) -> None:
        with self._lock:
            # A client that has already hung up is not talking to the printer any more, even if the
            # thread serving it has not yet read the end of its stream.
            talking = sum(1 for other in self._clients if not _hung_up(other)) + 1
            self._clients.add(sock)
            self.most_connections = max(self.most_connections, talking)
        job, parser = Session(self), EscposParser()
        try:
            while not self._stopping.is_set():
                if not self._awake.is_set():
                    self._awake.wait(0.05)
                    continue
                data = sock.recv(65536)
                if not data:
                    break
                for command in parser.feed(data):
                    answer = job.apply(command)
                    if answer:
                        sock.sendall(answer)
        except OSError as exc:
            log.debug("virtual printer connection ended: %s", exc)
        finally:
            with self._lock:
                self._clients.discard(sock)
            if job.line.spans:
                job.flush_line(feed_if_empty=False)
            if job.items or job.spoiled:
                self.job_done(job)

    def job_done(self, job: Session) -> None:
        """End of a job (a cut, or the client hanging up): save it, or count it as discarded."""
        items, spoiled = job.items, job.spoiled
        job.items, job.spoiled = [], False
        if spoiled:
            with self._lock:
                self.discarded += 1
                self._lock.notify_all()
            self.announce("job discarded: out of paper" if self.paper == "out" else "job discarded: offline")
            return
        if not items:
            return
        with self._lock:
            self._count += 1
            number = self._count
        stem = self.out_dir / f"{datetime.now():%Y%m%d-%H%M%S}-{number}"
        text = render_text(items, self.columns)
        txt, png = stem.with_suffix(".txt"), stem.with_suffix(".png")
        txt.write_text(text, encoding="utf-8")
        render_png(items, self.dots).save(png)
        with self._lock:
            self.receipts.append(SavedReceipt(number, txt, png, text))
            self._lock.notify_all()
        self.announce(f"receipt {number} saved: {txt} {png.name}")


_TCP_CLOSE_WAIT = 8  # Linux's tcpi_state once the peer has sent its FIN


def _hung_up(sock: socket.socket) -> bool:
    """Whether the client closed its end (Linux's TCP_INFO); unknown elsewhere, so: no."""
    if not hasattr(socket, "TCP_INFO"):
        return False
    try:
        return sock.getsockopt(socket.IPPROTO_TCP, socket.TCP_INFO, 1)[0] == _TCP_CLOSE_WAIT
    except OSError:
        return True
