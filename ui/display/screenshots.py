"""``python -m ui.display.screenshots OUTDIR --server URL --token TOKEN [--seed-as USER:PASSWORD]``:
run the real board against a server in a window at 1920×1080 and 1280×720, in Indonesian and
English, and save ``display-<W>x<H>[-en].png`` (at rest), ``…-flash.png`` (a call arriving) and
``…-offline.png`` (the offline notice). The board replays the day's events (``--since 0``), so the
calls made before it started are on it; ``--seed-as`` first makes a morning's calls as that
supervisor or admin (``ui.display.screenshot_calls``). Then ``…-restarted.png``: a board started as
after a power cut, with nothing to replay, showing today's calls from ``GET /calls/recent``; and at
the first size the board's technician setup (``setup-board-<lang>-….png``); with ``--seed-as``, last,
``…-loket-on-break.png``: loket 3 calls, serves and goes on a break, and a board started then shows the
call before it large and loket 3's in the list (loket 3 is closed again afterwards). Run under Xvfb for
a real window system:

    xvfb-run -a -s "-screen 0 1920x1080x24" .venv/bin/python -m ui.display.screenshots docs/screenshots \\
        --server http://127.0.0.1:18095 --token dev_… --seed-as admin:admin-12345
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from pathlib import Path

from core.config import DeviceConfig
from ui.app_args import window_size
from ui.display.app import make_client, parse_lokets
from ui.screen_walk import holds_within, settle


def _save(controller, path: Path, saved: list[Path]) -> None:
    controller.board.marquee.start_at_left()  # the running text from its first word
    if not controller.window.grab().save(str(path)):
        raise OSError(f"could not save {path}")
    saved.append(path)


def shoot(outdir: Path, cfg: DeviceConfig, sizes: list[tuple[int, int]], since: int | None,
          fake_long: bool = False, languages: tuple[str, ...] = ("id",),
          manager: tuple[str, str] | None = None) -> list[Path]:
    from PySide6.QtWidgets import QApplication

    from ui.display.controller import OFFLINE_NOTICE, DisplayController
    from ui.i18n import Translations

    app = QApplication.instance() or QApplication([sys.argv[0]])
    translations = Translations(fake_long=fake_long)
    outdir.mkdir(parents=True, exist_ok=True)
    saved: list[Path] = []
    for language in languages:
        suffix = "" if language == "id" else f"-{language}"
        for width, height in sizes:
            controller = DisplayController(dataclasses.replace(cfg, language=language), make_client(cfg),
                                           translations, windowed=True, resume_from=since)
            last_change = [time.monotonic()]

            def changed(_: object, last: list[float] = last_change) -> None:
                last[0] = time.monotonic()

            def settled(c: DisplayController = controller, last: list[float] = last_change) -> bool:
                return (c.online is True and c.site is not None and bool(c.state.lokets)
                        and time.monotonic() - last[0] > 1.5)

            controller.call_shown.connect(changed)
            controller.lokets_changed.connect(changed)
            controller.start(size=(width, height))
            ready = holds_within(settled, 30)
            if not ready:
                print(f"{width}x{height}: the board did not get ready (online={controller.online})",
                      file=sys.stderr)
            board = controller.board
            holds_within(lambda b=board: not b.latest.flashing(), 10)
            settle(300)
            name = f"display-{width}x{height}{suffix}"
            _save(controller, outdir / f"{name}.png", saved)
            if controller.state.latest is not None:
                board.show_calls(controller.state.calls, fresh=controller.state.latest)
                settle(50)
                _save(controller, outdir / f"{name}-flash.png", saved)
                holds_within(lambda b=board: not b.latest.flashing(), 10)
            board.set_notice(OFFLINE_NOTICE)
            settle(200)
            _save(controller, outdir / f"{name}-offline.png", saved)
            controller.stop()
            app.processEvents()
            # A restart: no events to replay, only what the server says of today's calls.
            restarted = DisplayController(dataclasses.replace(cfg, language=language), make_client(cfg),
                                          translations, windowed=True)
            restarted.start(size=(width, height))
            if not holds_within(lambda c=restarted: c.online is True and c.state.latest is not None
                                and bool(c.state.lokets), 30):
                print(f"{width}x{height}: the restarted board shows no call", file=sys.stderr)
            settle(800)
            _save(restarted, outdir / f"{name}-restarted.png", saved)
            if (width, height) == sizes[0]:
                saved.extend(shoot_setup(restarted, outdir, language, translations))
            restarted.stop()
            app.processEvents()
    if manager is not None:
        saved.extend(shoot_loket_on_break(outdir, cfg, sizes[0], languages, translations, manager))
    return saved


BREAK_LOKET, BREAK_SERVICE = 3, "ktp-el-cetak"   # a loket the morning's calls leave closed, a service nobody waits for


def shoot_loket_on_break(outdir: Path, cfg: DeviceConfig, size: tuple[int, int], languages: tuple[str, ...],
                         translations, manager: tuple[str, str]) -> list[Path]:
    """The newest call's loket goes on a break: a board started then shows the call before it large."""
    import uuid

    from PySide6.QtWidgets import QApplication

    from core.client import BackendClient
    from ui.display.controller import DisplayController

    client = BackendClient(cfg.server_url)
    saved: list[Path] = []
    try:
        client.login(*manager)
        client.issue_ticket(BREAK_SERVICE, idempotency_key=f"shot-{uuid.uuid4().hex}")
        client.open_counter(BREAK_LOKET, [BREAK_SERVICE])
        ticket = client.call_next(BREAK_LOKET).current_ticket
        if ticket is None:
            print(f"loket {BREAK_LOKET} had nobody to call: no picture of a loket on a break", file=sys.stderr)
            client.close_counter(BREAK_LOKET)
            return saved
        client.start(ticket.id)
        client.finish(ticket.id)
        client.pause(BREAK_LOKET, "istirahat")
        for language in languages:
            suffix = "" if language == "id" else f"-{language}"
            board = DisplayController(dataclasses.replace(cfg, language=language), make_client(cfg), translations,
                                      windowed=True)
            board.start(size=size)
            if not holds_within(lambda c=board: c.online is True and bool(c.state.calls)
                                and c.state.loket(BREAK_LOKET) is not None, 30):
                print("the board did not show the loket on its break", file=sys.stderr)
            settle(800)
            _save(board, outdir / f"display-{size[0]}x{size[1]}{suffix}-loket-on-break.png", saved)
            board.stop()
            QApplication.processEvents()
        client.resume(BREAK_LOKET)
        client.close_counter(BREAK_LOKET)
    finally:
        client.close()
    return saved


def shoot_setup(controller, outdir: Path, language: str, translations) -> list[Path]:
    """The board's technician setup over the running board, wired as ``main.py display`` wires it: the
    board's page after a voice test, a loket the server does not have, the restart a new language
    waits for, the device page, and the question before closing the board's app."""
    import tempfile

    from core.config import save_config
    from ui.display.app import technician_mode
    from ui.setup.screenshots import Shooter, type_pin

    path = Path(tempfile.mkdtemp(prefix="board-setup-")) / "config.toml"
    running = dataclasses.replace(controller.config, device_name="Papan Aula 1", location="Lantai 1, aula tunggu",
                                  voice=True)
    controller.apply_config(running)     # the walk kept the board silent until now; the test is heard
    save_config(path, running)
    mode = technician_mode(controller, path, running, translations, windowed=True, restart_app=lambda: None)
    shooter = Shooter(mode, outdir, f"setup-board-{language}")
    shots: list[Path] = []

    def shot(name: str) -> None:
        shooter.shot(name)
        shots.append(outdir / f"setup-board-{language}-{name}.png")

    try:
        mode.open()
        shooter.wait(lambda: mode.window.isVisible(), "the PIN screen")
        type_pin(shooter, "2468")
        type_pin(shooter, "2468")
        shooter.wait(lambda: mode.screen_shown() == "setup", "the setup screen")
        setup = mode.window.setup
        page = setup.show_page("DisplayPage")
        shooter.tap(page.voice_test_button)
        shooter.wait(lambda: page.voice_test_button.isEnabled(), "the voice test", timeout=30)
        shot("01-display-voice-test")
        page.lokets.setText("1,2,40")
        shooter.tap(page.save_button)
        shooter.wait(lambda: page.fields["lokets"].error_text(), "the lokets' check")
        shot("02-display-unknown-loket")
        device = setup.show_page("DevicePage")
        device.language_box.setCurrentIndex(device.language_box.findData("en" if language == "id" else "id"))
        shooter.tap(device.save_button)
        shooter.wait(setup.restart_is_offered, "the restart offered")
        shot("03-device-restart-offered")
        shooter.tap(setup.leave_button)
        shooter.wait(setup.is_asking_to_leave, "the question before closing the board's app")
        shot("04-close-confirm")
        shooter.tap(setup.leave_no_button)
    finally:
        mode.uninstall()
    return shots


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ui.display.screenshots", description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--server", required=True, metavar="URL")
    parser.add_argument("--token", required=True, help="a display's device token")
    parser.add_argument("--sizes", default="1920x1080,1280x720",
                        type=lambda s: [window_size(p) for p in s.split(",") if p.strip()])
    parser.add_argument("--since", type=int, default=0,
                        help="replay events after this sequence number (default 0: all)")
    parser.add_argument("--lokets", type=parse_lokets, default=())
    parser.add_argument("--languages", default="id,en", type=lambda s: tuple(p for p in s.split(",") if p),
                        help="one set of pictures per language (default id,en)")
    parser.add_argument("--seed-as", metavar="USER:PASSWORD",
                        help="first make some calls as this supervisor or admin, so the board is full")
    parser.add_argument("--fake-long", action="store_true", help="lengthen every translated text")
    args = parser.parse_args(argv)
    manager: tuple[str, str] | None = None
    if args.seed_as:
        from ui.display.screenshot_calls import seed_calls

        username, _, password = args.seed_as.partition(":")
        manager = (username, password)
        print("called:", ", ".join(seed_calls(args.server, username, password)))
    cfg = dataclasses.replace(DeviceConfig(), server_url=args.server, token=args.token, lokets=args.lokets,
                              voice=False)
    for path in shoot(args.outdir, cfg, args.sizes, args.since, args.fake_long, args.languages, manager):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
