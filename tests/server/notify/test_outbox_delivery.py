"""Messages through the outbox, over real HTTP to a gateway on a loopback port: sent once however often
the gateway fails first, given up visibly when it stays down, sent again by hand, signed as Standard
Webhooks says (checked with that project's own verifier), and never lost when the server is killed
between writing a message and sending it."""

from __future__ import annotations

import logging
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import requests
from standardwebhooks import Webhook, WebhookVerificationError

from tests.server.notify.conftest import FONNTE_TOKEN, WEBHOOK_SECRET, killed_while_sending, notify_file, restarted
from tests.support.gateway import Gateway
from tests.support.net import wait_for
from tests.support.server import PASSWORD, ROOT, LiveServer, live_server

PHONE = "0812-3456-7890"


def check(hall: LiveServer, channel: str, recipient: str | None = PHONE) -> dict[str, Any]:
    r = hall.call("POST", "/notifications/check", "admin", json={"channel": channel, "recipient": recipient})
    assert r.status_code == 201, r.text
    return r.json()


def listing(hall: LiveServer, status: str, role: str = "super") -> dict[str, Any]:
    r = hall.call("GET", f"/notifications?status={status}", role)
    assert r.status_code == 200, r.text
    return r.json()


def settled(hall: LiveServer, row_id: int, status: str) -> dict[str, Any] | None:
    """The message once it has ``status``; the test's clock moves a second a look, so retries fall due."""
    hall.clock.advance(seconds=1)
    return next((m for m in listing(hall, status)["messages"] if m["id"] == row_id), None)


def test_a_gateway_that_fails_twice_then_answers_gets_the_message_once(notifying, gateway: Gateway):
    gateway.fail_next = 2
    with notifying() as hall:
        made = check(hall, "whatsapp")
        assert made["status"] == "pending" and made["recipient"] == "6281••••••890"
        sent = wait_for(lambda: settled(hall, made["id"], "sent"), what="the message to be sent")
    assert sent["attempts"] == 3 and sent["last_error"] is None
    assert len(gateway.received) == 3 and len(gateway.delivered) == 1
    delivered = gateway.delivered[0]
    assert delivered.path == "/send" and delivered.headers["authorization"] == FONNTE_TOKEN
    assert delivered.form["target"] == "6281234567890"
    assert "Pesan uji dari" in delivered.form["message"]


def test_a_gateway_down_for_good_ends_in_the_dead_letters_and_can_be_sent_again(notifying, gateway: Gateway,
                                                                                 caplog):
    gateway.down = True
    with caplog.at_level(logging.DEBUG), notifying() as hall:
        made = check(hall, "whatsapp")
        dead = wait_for(lambda: settled(hall, made["id"], "dead"), what="the message to be given up")
        assert dead["attempts"] == 4 and dead["last_error"] == "HTTP 503"
        assert listing(hall, "dead")["today"] == {"pending": 0, "sent": 0, "dead": 1}
        assert len(gateway.received) == 4 and not gateway.delivered

        gateway.down = False
        again = hall.call("POST", f"/notifications/{made['id']}/retry", "super")
        assert again.status_code == 200 and again.json()["status"] == "pending"
        wait_for(lambda: settled(hall, made["id"], "sent"), what="the message sent again")
        twice = hall.call("POST", f"/notifications/{made['id']}/retry", "super")
        assert twice.status_code == 409 and twice.json()["error"]["code"] == "notification_not_dead"
        audit = hall.call("GET", "/audit?kind=notification.retried", "admin").json()["entries"]
    assert len(gateway.delivered) == 1
    assert [(e["actor"], e["subject"], e["detail"]["recipient"]) for e in audit] == \
        [("super", f"notification:{made['id']}", "6281••••••890")]
    logged = "\n".join(r.getMessage() for r in caplog.records)
    assert FONNTE_TOKEN not in logged and "6281234567890" not in logged


def test_the_webhook_is_signed_as_standard_webhooks_says_and_keeps_its_id_across_tries(notifying,
                                                                                       gateway: Gateway):
    gateway.fail_next = 1
    with notifying() as hall:
        made = check(hall, "webhook", None)
        wait_for(lambda: settled(hall, made["id"], "sent"), what="the webhook to be delivered")
    first, second = gateway.received
    assert first.path == second.path == "/hook"
    assert first.headers["webhook-id"] == second.headers["webhook-id"] == f"anjungan-msg-{made['id']}"
    verifier = Webhook(WEBHOOK_SECRET)
    headers = {k: second.headers[k] for k in ("webhook-id", "webhook-timestamp", "webhook-signature")}
    event = verifier.verify(second.body, headers)
    assert event["type"] == "anjungan.check" and event["data"]["site"]
    with pytest.raises(WebhookVerificationError):
        verifier.verify(second.body.replace(b"anjungan.check", b"anjungan.chekc"), headers)
    with pytest.raises(WebhookVerificationError):
        Webhook("whsec_" + "QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFB").verify(second.body, headers)


def test_the_cloud_api_gets_the_approved_template_by_name(notifying, gateway: Gateway):
    with notifying(whatsapp="cloud") as hall:
        made = check(hall, "whatsapp")
        wait_for(lambda: settled(hall, made["id"], "sent"), what="the template message to be sent")
    (got,) = gateway.delivered
    assert got.path == "/v21.0/1234567/messages" and got.headers["authorization"] == f"Bearer {FONNTE_TOKEN}"
    body = got.json
    assert isinstance(body, dict)
    assert body["to"] == "6281234567890" and body["template"]["name"] == "anjungan_uji"
    assert body["template"]["language"] == {"code": "id"}


def test_a_channel_the_server_lacks_and_a_bad_number_are_refused_and_write_nothing(tmp_path: Path):
    with live_server(tmp_path) as hall:
        r = hall.call("POST", "/notifications/check", "admin", json={"channel": "whatsapp", "recipient": PHONE})
        assert r.status_code == 409 and r.json()["error"]["code"] == "notify_channel_off"
        assert listing(hall, "pending")["messages"] == [] and listing(hall, "pending")["channels"] == []


def test_a_bad_number_is_refused_and_writes_nothing(notifying):
    with notifying() as hall:
        for wrong in ("12345", "0212345678", "+1 415 555 0100", "08123456789012345"):
            r = hall.call("POST", "/notifications/check", "admin", json={"channel": "whatsapp", "recipient": wrong})
            assert r.status_code == 422 and r.json()["error"]["params"]["field"] == "recipient", wrong
        assert listing(hall, "pending")["messages"] == []


def test_a_server_killed_while_sending_sends_the_message_after_restart(tmp_path: Path, gateway: Gateway):
    """The first server writes the message and is killed while the gateway holds its request unanswered;
    the restarted server, once the dead one's claim has run out, sends it: one message delivered."""
    def check(api: str, database: str, env: dict[str, str]) -> None:
        subprocess.run([sys.executable, "main.py", "server", "--database", database, "add-user", "--username", "admin",
                        "--password", PASSWORD, "--role", "admin", "--keep-password"],
                       cwd=ROOT, env=env, check=True, capture_output=True, timeout=60)
        login = requests.post(f"{api}/auth/login", json={"username": "admin", "password": PASSWORD}, timeout=10)
        r = requests.post(f"{api}/notifications/check", timeout=10, json={"channel": "whatsapp", "recipient": PHONE},
                          headers={"Authorization": f"Bearer {login.json()['token']}"})
        assert r.status_code == 201, r.text

    config = notify_file(tmp_path, gateway)
    database, _ = killed_while_sending(tmp_path, gateway, config, check)
    with restarted(tmp_path, database, config) as hall:
        sent = wait_for(lambda: settled(hall, 1, "sent"), what="the restarted server to send it")
    assert sent["attempts"] == 2
    assert len(gateway.delivered) == 1 and gateway.delivered[0].form["target"] == "6281234567890"
