"""One print queue per printer per process: jobs from different owners never meet at the printer, the
device's own jobs wait while the technician has the printer, and theirs run in order afterwards."""

from __future__ import annotations

import threading
from concurrent.futures import Future, wait

from printing.print_queue import PrintQueue
from printing.receipt import Branding
from printing.service import PrintOutcome, PrintService, PrintSettings
from printing.virtual_printer import VirtualPrinter
from tests.support.printer import wait_for_receipt


def _service(printer: VirtualPrinter, branding: Branding) -> PrintService:
    return PrintService(PrintSettings(printer=printer.spec, timeout=3.0), branding)


def _at_once(*calls) -> list:
    """Start every call on its own thread at the same moment; their results, in order."""
    barrier = threading.Barrier(len(calls))
    results: list = [None] * len(calls)

    def run(index: int) -> None:
        barrier.wait()
        results[index] = calls[index]()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    return results


def _hang_for(printer: VirtualPrinter, seconds: float) -> None:
    """The printer takes a while to answer: a second client arriving meanwhile would be talking to it
    at the same time as the first."""
    printer.set_hang(True)
    threading.Timer(seconds, printer.set_hang, args=(False,)).start()


def test_there_is_one_queue_per_printer_per_process(printer: VirtualPrinter):
    assert PrintQueue.for_printer(printer.spec) is PrintQueue.for_printer(f" {printer.spec} ")
    assert PrintQueue.for_printer(printer.spec) is not PrintQueue.for_printer("file:/dev/usb/lp0")


def test_without_the_queue_two_services_collide_on_the_printer(printer: VirtualPrinter, branding: Branding):
    """The measure the next test relies on: two services that skip the queue do meet at the printer."""
    kiosk, page = _service(printer, branding), _service(printer, branding)
    _hang_for(printer, 0.5)
    _at_once(kiosk.check, page.check)
    assert printer.most_connections == 2


def test_a_test_print_and_a_status_poll_at_the_same_moment_never_meet_at_the_printer(
        printer: VirtualPrinter, branding: Branding, ticket):
    """GIVEN the kiosk's service and the printer page's own service on one printer, which is slow
    WHEN the kiosk's status poll and the technician's test print are sent at the same moment
    THEN the printer talks to one of them at a time, and both succeed."""
    kiosk, page = _service(printer, branding), _service(printer, branding)
    queue = PrintQueue.for_printer(printer.spec)
    _hang_for(printer, 0.5)
    poll, test = _at_once(lambda: queue.submit(kiosk.check),
                          lambda: queue.submit(lambda: page.print_ticket(ticket), technician=True))
    wait([poll, test], timeout=10)
    assert poll.result().outcome is PrintOutcome.PRINTED, poll.result()
    assert test.result().outcome is PrintOutcome.PRINTED, test.result()
    assert ticket.code in wait_for_receipt(printer, 1).text
    assert printer.most_connections == 1


def test_the_device_waits_while_the_technician_has_the_printer_and_goes_on_in_order(printer: VirtualPrinter):
    queue = PrintQueue.for_printer(printer.spec)
    ran: list[str] = []
    queue.pause()
    try:
        first = queue.submit(lambda: ran.append("kiosk status"))
        second = queue.submit(lambda: ran.append("kiosk ticket"))
        technician = queue.submit(lambda: ran.append("test print"), technician=True)
        technician.result(timeout=5)
        assert ran == ["test print"]
        assert queue.waiting() == 2 and not first.done() and not second.done()
    finally:
        queue.resume()
    wait([first, second], timeout=5)
    assert ran == ["test print", "kiosk status", "kiosk ticket"]


def test_a_job_cancelled_before_its_turn_never_runs_and_a_failure_goes_back_to_its_owner(printer: VirtualPrinter):
    queue = PrintQueue.for_printer(printer.spec)
    ran: list[str] = []
    queue.pause()
    try:
        dropped: Future = queue.submit(lambda: ran.append("dropped"))
        assert dropped.cancel()
    finally:
        queue.resume()
    failing = queue.submit(lambda: 1 / 0)
    assert isinstance(failing.exception(timeout=5), ZeroDivisionError)
    assert queue.submit(lambda: "next").result(timeout=5) == "next"
    assert ran == []
