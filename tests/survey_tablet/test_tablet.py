"""The survey tablet at a loket, against the real server: it offers the survey of the ticket its loket
just finished (seen on the event stream), takes the same steps as the kiosk, stores the answers as the
tablet's, and goes back to waiting; walking away discards; another loket's ticket is not offered."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication, QPoint, Qt

from core.config import load_config, save_config
from tests.kiosk.test_survey import served, stored
from tests.setup.conftest import unlock
from tests.support.kiosk import layout_problems
from ui.survey.app import technician_mode
from ui.survey.controller import SurveyTabletController


def tap(qtbot, button) -> None:
    assert button.isVisible() and button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(button.width() // 2, button.height() // 2))


def wait_screen(qtbot, tablet: SurveyTabletController, name: str) -> None:
    qtbot.waitUntil(lambda: tablet.current_screen() == name, timeout=8000)


def answer_everything(qtbot, tablet: SurveyTabletController) -> None:
    survey = tablet.survey
    for _ in range(9):
        tap(qtbot, survey.choice_buttons()["4"])
    for value in ("laki_laki", "sma", "wirausaha"):
        tap(qtbot, survey.choice_buttons()[value])
    tap(qtbot, survey.send_button)


def test_the_tablet_offers_the_ticket_its_loket_just_finished_and_stores_it_as_the_tablets(qtbot, server,
                                                                                           make_tablet):
    tablet = make_tablet(loket=1)
    wait_screen(qtbot, tablet, "survey_waiting")
    assert not tablet.waiting.start_button.isVisible()
    ticket = served(server, loket=1)
    qtbot.waitUntil(lambda: tablet.waiting.offered_code() == ticket["code"], timeout=8000)
    assert tablet.waiting.title.texts() == ("Bagaimana pelayanan kami?", "How was our service?")
    tap(qtbot, tablet.waiting.start_button)
    wait_screen(qtbot, tablet, "survey")
    answer_everything(qtbot, tablet)
    wait_screen(qtbot, tablet, "survey_thanks")
    (row,) = stored(server)
    assert (row.ticket_id, row.channel, row.counter_id, row.u_sarana, row.age) == (ticket["id"], "tablet", 1, 4, None)
    tap(qtbot, tablet.thanks.done_button)
    wait_screen(qtbot, tablet, "survey_waiting")
    assert tablet.waiting.offered_code() == ""   # answered: nothing more to offer until the next ticket


def test_another_lokets_ticket_is_not_offered(qtbot, server, make_tablet):
    tablet = make_tablet(loket=2)
    served(server, loket=1)
    other = served(server, loket=2)
    qtbot.waitUntil(lambda: tablet.waiting.offered_code() == other["code"], timeout=8000)


def test_walking_away_mid_survey_discards_it(qtbot, server, make_tablet):
    tablet = make_tablet(loket=1)
    ticket = served(server, loket=1)
    qtbot.waitUntil(lambda: tablet.waiting.offered_code() == ticket["code"], timeout=8000)
    tap(qtbot, tablet.waiting.start_button)
    wait_screen(qtbot, tablet, "survey")
    for _ in range(4):
        tap(qtbot, tablet.survey.choice_buttons()["2"])
    tablet.idle.set_timeout_ms(300)
    wait_screen(qtbot, tablet, "survey_waiting")
    assert tablet.survey.draft.answers == {} and tablet.survey.index() == 0
    assert stored(server) == []


@pytest.mark.parametrize("size", [(800, 1280), (1280, 800)], ids=lambda s: f"{s[0]}x{s[1]}")
@pytest.mark.parametrize("language", ["id", "en"])
def test_every_tablet_screen_fits_portrait_and_landscape(qtbot, server, make_tablet, size, language):
    tablet = make_tablet(loket=1, size=size, language=language)
    problems: dict[str, Any] = {}

    def check(name: str) -> None:
        QCoreApplication.processEvents()  # the step's new buttons laid out
        found = layout_problems(tablet.window)
        if found:
            problems[name] = found

    wait_screen(qtbot, tablet, "survey_waiting")
    check("waiting")
    ticket = served(server, loket=1)
    qtbot.waitUntil(lambda: tablet.waiting.offered_code() == ticket["code"], timeout=8000)
    check("offer")
    tap(qtbot, tablet.waiting.start_button)
    wait_screen(qtbot, tablet, "survey")
    survey = tablet.survey
    while survey.step().kind != "age":
        check(f"step {survey.step().key}")
        tap(qtbot, next(iter(survey.choice_buttons().values())))
    check("age")
    tap(qtbot, survey.send_button)
    wait_screen(qtbot, tablet, "survey_thanks")
    check("thanks")
    assert not problems, problems


def test_the_tablets_technician_mode_has_its_own_pages_and_a_new_idle_time_applies_at_once(qtbot, make_tablet,
                                                                                           tmp_path):
    """GIVEN a tablet and its technician mode (as ``main.py survey`` installs it) WHEN the technician
    opens it THEN it names a survey tablet, has no printer or board page, and an idle time saved on the
    device page applies to the running tablet without a restart."""
    tablet = make_tablet(loket=1)
    path = tmp_path / "survey" / "config.toml"
    save_config(path, tablet.config)
    mode = technician_mode(tablet, path, tablet.translations, windowed=True, restart_app=lambda: None)
    try:
        unlock(qtbot, mode)
        setup = mode.window.setup
        assert [type(page).__name__ for page in setup.pages] == ["ServerPage", "DevicePage", "DiagnosticsPage",
                                                                 "PinPage"]
        assert setup.device_label.text().startswith("Tablet survei")
        page = setup.show_page("DevicePage")
        page.idle_edit.setText("25")
        tap(qtbot, page.save_button)
        qtbot.waitUntil(lambda: load_config(path).idle_timeout_s == 25, timeout=5000)
    finally:
        mode.uninstall()
    assert tablet.idle.timeout_ms() == 25_000


def test_a_ticket_answered_by_phone_meanwhile_is_said_and_the_tablet_waits_again(qtbot, server, make_tablet):
    """GIVEN a citizen in the middle of the tablet's survey WHEN the same ticket is answered on the phone
    first THEN the tablet's answers are refused as already given, said in both languages with only a
    way back (no code to type on a tablet), and the tablet waits again; one row, the phone's."""
    tablet = make_tablet(loket=1)
    ticket = served(server, loket=1)
    qtbot.waitUntil(lambda: tablet.waiting.offered_code() == ticket["code"], timeout=8000)
    tap(qtbot, tablet.waiting.start_button)
    wait_screen(qtbot, tablet, "survey")
    form = server.call("GET", f"/survey/ticket/{ticket['token']}").json()
    r = server.call("POST", "/survey", json={"ref": form["ref"], "answers": dict.fromkeys(
        ("persyaratan", "prosedur", "waktu", "biaya", "produk", "kompetensi", "perilaku", "pengaduan", "sarana"), 2),
        "gender": "perempuan", "education": "smp", "occupation": "pelajar"})
    assert r.status_code == 201, r.text
    qtbot.waitUntil(lambda: tablet.offer is None, timeout=8000)   # the tablet heard of it (survey.answered)
    assert tablet.current_screen() == "survey"                     # and left the citizen in the survey
    answer_everything(qtbot, tablet)
    wait_screen(qtbot, tablet, "message")
    message = tablet.message
    assert message.title.texts() == ("Survei tiket ini sudah diisi", "This ticket has already answered the survey")
    assert [way for way, button in message.buttons.items() if button.isVisible()] == ["home"]
    tap(qtbot, message.buttons["home"])
    wait_screen(qtbot, tablet, "survey_waiting")
    (row,) = stored(server)
    assert row.channel == "phone"


def test_a_tablet_the_office_locks_offers_nothing_and_says_so_until_unlocked(qtbot, server, make_tablet):
    """GIVEN a tablet at loket 1 offering the survey of the ticket just finished there
    WHEN a supervisor locks it and its next heartbeat answers "locked"
    THEN the offer goes (its answers would be refused) and it says it is paused, in both languages; a ticket
    finished meanwhile is not offered; once unlocked, the latest finished ticket is offered again."""
    tablet = make_tablet(loket=1)
    first = served(server, loket=1)
    qtbot.waitUntil(lambda: tablet.waiting.offered_code() == first["code"], timeout=8000)
    device = next(d for d in server.call("GET", "/devices", "super").json() if d["kind"] == "survey")
    assert server.call("POST", f"/devices/{device['id']}/lock", "super").status_code == 200
    tablet.heartbeat.send()
    qtbot.waitUntil(lambda: tablet.waiting.title.texts()[0] == "Survei dihentikan sementara", timeout=8000)
    assert tablet.waiting.title.texts() == ("Survei dihentikan sementara", "Survey paused")
    assert tablet.waiting.offered_code() == "" and not tablet.waiting.start_button.isVisible()
    with qtbot.waitSignal(tablet.stream.event_received, timeout=8000):
        second = served(server, loket=1)
    assert tablet.waiting.offered_code() == "" and tablet.waiting.title.texts()[1] == "Survey paused"
    assert server.call("POST", f"/devices/{device['id']}/unlock", "super").status_code == 200
    tablet.heartbeat.send()
    qtbot.waitUntil(lambda: tablet.waiting.offered_code() == second["code"], timeout=8000)
