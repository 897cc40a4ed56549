"""Runs ``main.py kiosk|display`` in this process and, from inside its event loop, presses
Ctrl+Alt+T on its window, types the PIN and taps "leave kiosk mode"; prints what it saw. Used by
test_app_hooks in a subprocess: an app's ``exec()`` must not run inside the test process."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

CTRL_ALT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier


def _visible(name: str) -> QWidget | None:
    return next((w for w in QApplication.topLevelWidgets() if w.objectName() == name and w.isVisible()), None)


def drive(device_window_name: str, pin: str) -> None:
    state = {"step": "entry", "ticks": 0}

    def tick() -> None:
        state["ticks"] += 1
        if state["ticks"] > 400:      # about 20 s: give up; the test fails on what was printed
            print("gave up at", state["step"], flush=True)
            QApplication.quit()
            return
        step = state["step"]
        if step == "entry" and (window := _visible(device_window_name)):
            QTest.keyClick(window, Qt.Key.Key_T, CTRL_ALT)
            state["step"] = "pin"
        elif step == "pin" and not _visible("TechnicianWindow") and state["ticks"] % 20 == 0:
            # The entry is installed a moment after the home screen is up: press again.
            state["step"] = "entry"
        elif step == "pin" and (tech := _visible("TechnicianWindow")):
            print("seen pin", flush=True)
            for digit in pin:
                tech.pin.keypad.digit_keys[digit].click()
            tech.pin.ok_button.click()
            state["step"] = "leave"
        elif step == "leave" and (tech := _visible("TechnicianWindow")) and tech.setup.isVisible():
            print("seen setup", flush=True)
            tech.setup.leave_button.click()
            tech.setup.leave_yes_button.click()
            return
        QTimer.singleShot(50, tick)

    QTimer.singleShot(50, tick)


def main(argv: list[str]) -> int:
    kind, pin, *args = argv
    app = QApplication.instance() or QApplication([sys.argv[0]])  # noqa: F841 - the app's main reuses it
    if kind == "kiosk":
        from ui.kiosk.app import main as app_main  # noqa: PLC0415 - one app per process, by argument
        drive("KioskWindow", pin)
    else:
        from ui.display.app import main as app_main  # noqa: PLC0415 - one app per process, by argument
        drive("BoardWindow", pin)
    code = app_main(args)
    print("exit", code, flush=True)
    return code


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
