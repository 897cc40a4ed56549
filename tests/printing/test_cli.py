"""``main.py printer`` and ``main.py print-sample`` as a technician runs them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from printing.cli import main_print_sample
from tests.support.printer import closed_port_spec, decode_qr, running_printer, wait_for_receipt

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("paper, code, message", [("ok", 0, "printed A-001"),
                                                  ("near-end", 0, "paper near end"),
                                                  ("out", 3, "not printed: paper out")])
def test_print_sample_says_what_happened(printer, capsys, paper, code, message):
    printer.set_paper(paper)
    assert main_print_sample(["--printer", printer.spec, "--timeout", "1"]) == code
    out = capsys.readouterr()
    assert message in out.out + out.err


def test_print_sample_is_marked_as_no_queue_ticket_top_and_bottom(printer):
    """A sample left on the kiosk's tray must not pass for a place in the queue."""
    assert main_print_sample(["--printer", printer.spec, "--timeout", "1"]) == 0
    lines = [line.strip() for line in wait_for_receipt(printer, 1).text.splitlines() if line.strip()]
    assert lines[0] == lines[-1] == "CONTOH - BUKAN TIKET ANTREAN"


def test_print_sample_58mm_english(tmp_path, capsys):
    with running_printer(tmp_path, dots=384) as printer:
        argv = ["--printer", printer.spec, "--width", "58", "--lang", "en", "--profile", "POS-5890",
                "--base-url", "http://10.1.2.3:8000"]
        assert main_print_sample(argv) == 0
        receipt = wait_for_receipt(printer, 1)
    assert "QUEUE NUMBER" in receipt.text
    assert "SAMPLE - NOT A QUEUE TICKET" in receipt.text
    assert decode_qr(receipt.png)[0].startswith("http://10.1.2.3:8000/t/")


def test_print_sample_offline_and_hung(printer, capsys):
    assert main_print_sample(["--printer", closed_port_spec(), "--timeout", "1"]) == 4
    assert "not printed: offline" in capsys.readouterr().err
    printer.set_hang(True)
    assert main_print_sample(["--printer", printer.spec, "--timeout", "0.5"]) == 5
    assert "not printed: timed out" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [["--printer", "bluetooth:1"], ["--profile", "TM-NOPE"]])
def test_print_sample_bad_settings(argv, capsys):
    assert main_print_sample(argv) == 2
    assert capsys.readouterr().err


def test_printer_command_runs_and_obeys_its_stdin(tmp_path):
    """GIVEN `main.py printer --port 0` WHEN a sample prints, then `paper out` is typed
    THEN one receipt is saved and announced, the next sample reports paper out, `quit` ends it."""
    out = tmp_path / "receipts"
    process = subprocess.Popen(
        [sys.executable, "main.py", "printer", "--port", "0", "--out", str(out)], cwd=ROOT,
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        banner = process.stdout.readline()
        assert banner.startswith("virtual printer on 127.0.0.1:"), process.stderr.read()
        spec = banner.split("(")[1].split(")")[0]
        assert main_print_sample(["--printer", spec, "--timeout", "2"]) == 0
        saved = process.stdout.readline()
        assert saved.startswith("receipt 1 saved: ")
        assert (out / Path(saved.split()[3]).name).exists()
        process.stdin.write("paper out\n")
        process.stdin.flush()
        assert process.stdout.readline() == "paper out\n"
        assert main_print_sample(["--printer", spec, "--timeout", "2"]) == 3
        process.stdin.write("quit\n")
        process.stdin.flush()
        assert process.wait(timeout=10) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
