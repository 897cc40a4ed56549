"""The outbox's own rules without HTTP: one sender per message at a time, a dead sender's claim running
out, numbers forgotten once their day closed, a message written only with the change that commits it;
phone numbers read as gateways want them; the configuration file refused with a reason."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from core.phone import masked, normalise_phone
from server.db import Database, outbox
from server.notify.config import NotifyConfigInvalid, load_channels
from server.notify.outbox import CLAIM_FOR, Outbox, enqueue
from tests.support.clock import SettableClock

DAY = date(2026, 11, 23)


@pytest.fixture
def box(tmp_path: Path) -> Outbox:
    db = Database(f"sqlite:///{tmp_path / 'o.sqlite3'}")
    db.create_schema()
    return Outbox(db)


def _write(box: Outbox, clock: SettableClock, day: date = DAY, phone: str | None = "6281234567890") -> int:
    with box.db.write() as conn:
        return enqueue(conn, at=clock.now(), day=day, channel="whatsapp", template="check", language="id",
                       params={"site": "MPP"}, recipient=phone)


def test_a_claimed_message_is_no_other_senders_until_its_claim_runs_out(box: Outbox):
    clock = SettableClock()
    row = _write(box, clock)
    (first,) = box.claim_due(clock.now())
    assert first.id == row and first.attempts == 1 and first.message.key == f"anjungan-msg-{row}"
    assert box.claim_due(clock.now()) == []
    clock.advance(seconds=CLAIM_FOR.total_seconds() - 1)
    assert box.claim_due(clock.now()) == []
    clock.advance(seconds=2)
    (again,) = box.claim_due(clock.now())
    assert again.id == row and again.attempts == 2


def test_a_message_is_due_only_from_its_time_and_only_while_pending(box: Outbox):
    clock = SettableClock()
    row = _write(box, clock)
    box.later(row, clock.now() + timedelta(seconds=30), "HTTP 503")
    assert box.claim_due(clock.now() + timedelta(seconds=29)) == []
    assert [c.id for c in box.claim_due(clock.now() + timedelta(seconds=30))] == [row]
    box.sent(row, clock.now(), "ref")
    assert box.claim_due(clock.now() + timedelta(hours=1)) == []


def test_a_message_written_in_a_change_that_rolls_back_is_never_sent(box: Outbox):
    clock = SettableClock()
    with pytest.raises(RuntimeError), box.db.write() as conn:
        enqueue(conn, at=clock.now(), day=DAY, channel="webhook", template="check", language="id", params={})
        raise RuntimeError("the change failed")
    assert box.claim_due(clock.now()) == []


def test_numbers_are_forgotten_once_their_day_closed_and_the_message_is_finished(box: Outbox):
    clock = SettableClock()
    finished, waiting, today = _write(box, clock), _write(box, clock), _write(box, clock, DAY + timedelta(days=1))
    box.sent(finished, clock.now(), None)
    box.sent(today, clock.now(), None)
    assert box.forget_recipients(DAY + timedelta(days=1)) == 1
    with box.db.read() as conn:
        kept = dict(conn.execute(outbox.select().with_only_columns(outbox.c.id, outbox.c.recipient)).all())
    assert kept == {finished: None, waiting: "6281234567890", today: "6281234567890"}


@pytest.mark.parametrize(("typed", "read"), [
    ("0812-3456-7890", "6281234567890"), ("+62 812 3456 7890", "6281234567890"), ("6285712345678", "6285712345678"),
    ("(0857) 1234.5678", "6285712345678"),
    ("12345", None), ("0212345678", None), ("+1 415 555 0100", None), ("0812345", None), ("", None),
    ("081234567890123", None), ("0802345678", None),
])
def test_phone_numbers_are_read_as_indonesian_mobiles_or_refused(typed: str, read: str | None):
    assert normalise_phone(typed) == read


def test_a_number_is_shown_masked():
    assert masked("6281234567890") == "6281••••••890"
    assert masked(None) is None


@pytest.mark.parametrize(("text", "says"), [
    ('[whatsapp]\nkind = "fonnte"\nurl = "http://gateway.example/send"\ntoken = "tok-123456"\n', "https://"),
    ('[whatsapp]\nkind = "fonnte"\nurl = "https://gateway.example/send"\n', "token"),
    ('[whatsapp]\nkind = "sms"\ntoken = "tok-123456"\n', "fonnte"),
    ('[whatsapp]\nkind = "cloud"\ntoken = "tok-123456"\n', "phone_number_id"),
    ('[webhook]\nurl = "https://x.example/h"\nsecret = "not-a-whsec-secret"\n', "whsec_"),
    ('[webhook]\nurl = "https://x.example/h"\nsecret = "whsec_c2hvcnQ="\n', "24"),
    ("[webhook\n", "TOML"),
    ("webhook = 3\n", "table"),
])
def test_a_bad_notification_file_is_refused_in_both_languages_without_quoting_a_secret(tmp_path: Path, text: str,
                                                                                       says: str):
    path = tmp_path / "notify.toml"
    path.write_text(text, "utf-8")
    with pytest.raises(NotifyConfigInvalid) as refused:
        load_channels(path)
    message = str(refused.value)
    assert "Berkas notifikasi" in message and "Notification file" in message and says in message
    assert "tok-123456" not in message and "not-a-whsec-secret" not in message


def test_no_file_means_no_channels_and_loopback_http_is_allowed(tmp_path: Path):
    assert load_channels(None) == {}
    path = tmp_path / "notify.toml"
    path.write_text('[whatsapp]\nurl = "http://127.0.0.1:9/send"\ntoken = "tok-123456"\n', "utf-8")
    assert list(load_channels(path)) == ["whatsapp"]
