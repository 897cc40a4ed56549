"""The virtual printer: reads ESC/POS as a printer would, answers DLE EOT, saves what it prints."""

from __future__ import annotations

import re
import socket

import pytest
from PIL import Image

from printing.cli import handle_command
from printing.escpos_lib import printer as escpos_printer
from printing.escpos_parse import Command, EscposParser
from printing.escpos_render import EscposOptions, EscposRenderer
from printing.receipt import build_receipt
from tests.support.printer import running_printer, wait_for_discarded, wait_for_receipt

STATUS_ONLINE, STATUS_PAPER = b"\x10\x04\x01", b"\x10\x04\x04"


def talk(printer, data: bytes, expect: int = 0, timeout: float = 2.0) -> bytes:
    """Send raw bytes on a fresh connection; read ``expect`` answer bytes; hang up."""
    with socket.create_connection((printer.host, printer.port), timeout=timeout) as sock:
        sock.sendall(data)
        answer = b""
        while len(answer) < expect:
            chunk = sock.recv(16)
            if not chunk:
                break
            answer += chunk
        return answer


def job(*parts: bytes) -> bytes:
    return b"\x1b@" + b"".join(parts) + b"\x1dV\x01"


def ink_box(png) -> tuple[int, int, int, int]:
    image = Image.open(png).convert("L").point(lambda v: 255 if v < 128 else 0)
    return image.getbbox()


# -- the parser ------------------------------------------------------------------------------

def test_parser_reads_a_python_escpos_job(ticket, branding):
    data = EscposRenderer(EscposOptions(profile="TM-T88III")).render(build_receipt(ticket, branding))
    names = [command.name for command in EscposParser().feed(data)]
    assert names[0] == "init" and names[-1] == "cut"
    assert names.count("2d_code") == 5 and "size" in names and "align" in names
    assert Command("size", 0x77) in EscposParser().feed(data)


def test_parser_copes_with_commands_split_across_reads(ticket, branding):
    data = EscposRenderer(EscposOptions(qr="image")).render(build_receipt(ticket, branding))
    whole = EscposParser().feed(data)
    parser = EscposParser()
    piecewise = [command for byte in data for command in parser.feed(bytes([byte]))]
    assert merge_text(piecewise) == merge_text(whole) and parser.pending == 0


def merge_text(commands: list[Command]) -> list[Command]:
    """Text arriving in pieces prints the same as text arriving at once."""
    merged: list[Command] = []
    for command in commands:
        if merged and command.name == merged[-1].name == "text":
            merged[-1] = Command("text", data=merged[-1].data + command.data)
        else:
            merged.append(command)
    return merged


def test_parser_skips_raster_data_and_unknown_commands():
    raster = b"\x1dv0\x00\x01\x00\x02\x00" + b"\x0a\x1b"  # 8x2 dots whose bytes look like LF, ESC
    commands = EscposParser().feed(b"\x1b\x7f" + raster + b"ok\n" + STATUS_PAPER)
    assert [c.name for c in commands] == ["raster", "text", "lf", "status"]
    assert commands[1].data == b"ok" and commands[3].arg == 4


# -- status answers --------------------------------------------------------------------------

@pytest.mark.parametrize("paper, answer", [("ok", b"\x12\x12"), ("near-end", b"\x12\x1e"),
                                           ("out", b"\x1a\x72")])
def test_status_bits(printer, paper, answer):
    printer.set_paper(paper)
    assert talk(printer, STATUS_ONLINE + STATUS_PAPER, expect=2) == answer


def test_out_of_paper_discards_the_job_but_answers_status(printer):
    printer.set_paper("out")
    assert talk(printer, job(b"A-001\n") + STATUS_PAPER, expect=1) == b"\x72"
    wait_for_discarded(printer, 1)
    assert printer.receipts == []


def test_runs_out_after_n_lines_in_the_middle_of_a_job(printer):
    printer.run_out_after(3)
    lines = b"".join(b"line %d\n" % n for n in range(10))
    assert talk(printer, job(lines) + STATUS_PAPER, expect=1) == b"\x72"
    wait_for_discarded(printer, 1)
    assert printer.paper == "out" and printer.receipts == []
    printer.set_paper("ok")
    talk(printer, job(b"after refill\n"))
    assert "after refill" in wait_for_receipt(printer, 1).text


def test_hanging_printer_accepts_but_never_answers(printer):
    printer.set_hang(True)
    with socket.create_connection((printer.host, printer.port), timeout=2) as sock:
        sock.sendall(STATUS_ONLINE)
        sock.settimeout(0.3)
        with pytest.raises(TimeoutError):
            sock.recv(1)
        printer.set_hang(False)  # woken up, it reads what waited in its buffer
        sock.settimeout(2)
        assert sock.recv(1) == b"\x12"


# -- what it saves ---------------------------------------------------------------------------

def test_saves_text_and_png_named_by_time_and_number(tmp_path):
    said: list[str] = []
    with running_printer(tmp_path, announce=said.append) as printer:
        talk(printer, job(b"\x1ba\x01Halo\n"))
        wait_for_receipt(printer, 1)
        talk(printer, job(b"Dua\n"))
        first, second = printer.wait_for_receipts(2)
    assert re.fullmatch(r"\d{8}-\d{6}-1\.txt", first.txt.name)
    assert first.png == first.txt.with_suffix(".png") and first.png.exists()
    assert first.txt.read_text() == " " * 19 + "Halo\n"  # centred in 42 columns
    assert second.txt.name.endswith("-2.txt") and second.text == "Dua\n"
    assert said == [f"receipt 1 saved: {first.txt} {first.png.name}",
                    f"receipt 2 saved: {second.txt} {second.png.name}"]


def test_text_is_drawn_at_its_size(printer):
    talk(printer, job(b"\x1d!\x77" + b"8\n"))
    big = ink_box(wait_for_receipt(printer, 1).png)
    talk(printer, job(b"8\n"))
    small = ink_box(wait_for_receipt(printer, 2).png)
    big_h, small_h = big[3] - big[1], small[3] - small[1]
    assert 7 * small_h <= big_h <= 9 * small_h


def test_raster_images_are_drawn(printer):
    talk(printer, job(b"\x1dv0\x00\x02\x00\x08\x00" + b"\xff\xff" * 8))  # 16 x 8 dots of ink
    receipt = wait_for_receipt(printer, 1)
    left, top, right, bottom = ink_box(receipt.png)
    assert (right - left, bottom - top) == (16, 8)
    assert receipt.text == "[image 16x8]\n"


def test_long_lines_wrap_at_the_paper_edge(tmp_path):
    with running_printer(tmp_path, dots=384) as printer:
        talk(printer, job(b"x" * 40 + b"\n"))
        assert wait_for_receipt(printer, 1).text == "x" * 32 + "\n" + "x" * 8 + "\n"


def test_python_escpos_network_printer_can_print_to_it(printer):
    device = escpos_printer.Network(printer.host, printer.port, timeout=2)
    device.open()
    device.text("Tes printer\n")
    device.cut()
    device.close()
    assert wait_for_receipt(printer, 1).text == "Tes printer\n"


# -- commands on its stdin -------------------------------------------------------------------

def test_stdin_commands_change_its_state(printer):
    assert handle_command(printer, "paper out\n") == "paper out" and printer.paper == "out"
    assert handle_command(printer, "paper near-end") == "paper near-end"
    assert handle_command(printer, "paper out-after 3") == "paper runs out after 3 lines"
    assert handle_command(printer, "hang on") == "hang on"
    assert handle_command(printer, "hang off") == "hang off"
    assert handle_command(printer, "status") == "paper near-end, 0 saved, 0 discarded"
    assert handle_command(printer, "paper wet").startswith("error:")
    assert handle_command(printer, "dance").startswith("unknown command")
    assert handle_command(printer, "quit") is None
