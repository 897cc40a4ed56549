"""The ways a message leaves the server, behind one interface: a WhatsApp gateway of the kind Indonesian
offices use (Fonnte-style: one HTTPS POST with a token), the WhatsApp Cloud API (template messages) and a
generic webhook signed per the Standard Webhooks scheme. Each send says whether it went, may be tried
again, or never will; none raises for a provider's answer."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Protocol

import requests

from core.retry import parse_retry_after
from server.notify.texts import fields, render

# Seconds to connect and to wait for an answer: a gateway that hangs must not hold the worker.
TIMEOUT = (5.0, 15.0)
RETRY_STATUSES = frozenset({408, 425, 429})
REASON_LENGTH = 200


@dataclass(frozen=True)
class Message:
    """One outbox row as a channel needs it. ``key`` is the same on every try of the row, so a provider
    (or the webhook's receiver) that has seen it already can tell a repeat from a new message."""

    key: str
    recipient: str | None
    template: str
    language: str
    params: Mapping[str, Any]
    made_at: datetime


@dataclass(frozen=True)
class Outcome:
    sent: bool
    retry: bool = False            # not sent, but a later try may succeed
    reason: str = ""               # why not, for the console; never a token or the message's text
    provider_ref: str | None = None
    retry_after: float | None = None

    @classmethod
    def delivered(cls, ref: str | None = None) -> Outcome:
        return cls(sent=True, provider_ref=ref)

    @classmethod
    def later(cls, reason: str, retry_after: float | None = None) -> Outcome:
        return cls(sent=False, retry=True, reason=reason[:REASON_LENGTH], retry_after=retry_after)

    @classmethod
    def never(cls, reason: str) -> Outcome:
        return cls(sent=False, retry=False, reason=reason[:REASON_LENGTH])


class Channel(Protocol):
    name: str

    def send(self, message: Message) -> Outcome: ...


def _post(session: requests.Session, url: str, **kw: Any) -> requests.Response | Outcome:
    """The 2xx answer of the POST, or the Outcome its failure decides: a network failure is always worth
    another try, an HTTP refusal by its status (``_by_status``)."""
    try:
        response = session.post(url, timeout=TIMEOUT, allow_redirects=False, **kw)
    except requests.Timeout:
        return Outcome.later("timeout")
    except requests.ConnectionError:
        return Outcome.later("unreachable")
    except requests.RequestException as exc:
        return Outcome.later(type(exc).__name__)
    return _by_status(response) or response


def _by_status(response: requests.Response) -> Outcome | None:
    """The Outcome an HTTP status decides by itself; None for a 2xx, whose body then decides."""
    status = response.status_code
    if 200 <= status < 300:
        return None
    if status in RETRY_STATUSES or status >= 500:
        return Outcome.later(f"HTTP {status}", parse_retry_after(response.headers.get("Retry-After")))
    return Outcome.never(f"HTTP {status}")


def _json(response: requests.Response) -> Any:
    try:
        return response.json()
    except ValueError:
        return None


@dataclass
class FonnteGateway:
    """A Fonnte-style gateway: form fields ``target`` and ``message``, the device token in Authorization.
    It answers 200 with ``{"status": true, "id": [...]}`` or ``{"status": false, "reason": ...}``."""

    url: str
    token: str = field(repr=False)
    session: requests.Session = field(default_factory=requests.Session, repr=False)
    name: str = "whatsapp"

    def send(self, message: Message) -> Outcome:
        if not message.recipient:
            return Outcome.never("no recipient")
        answer = _post(self.session, self.url, headers={"Authorization": self.token},
                       data={"target": message.recipient, "countryCode": "0",
                             "message": render(message.template, message.language, message.params)})
        if isinstance(answer, Outcome):
            return answer
        body = _json(answer)
        if not isinstance(body, dict) or body.get("status") is not True:
            reason = body.get("reason") if isinstance(body, dict) else None
            return Outcome.later(f"gateway: {reason}" if isinstance(reason, str) else "gateway: no status")
        ids = body.get("id")
        return Outcome.delivered(",".join(str(i) for i in ids) if isinstance(ids, list) else None)


@dataclass
class WhatsAppCloud:
    """Meta's WhatsApp Cloud API: a template message (the only kind a business may start a conversation
    with) by the template's approved name, its language and the body's values in the order our Indonesian
    text names them (``texts.fields``)."""

    phone_number_id: str
    token: str = field(repr=False)
    templates: Mapping[str, str]  # our template → the name approved at Meta
    api_version: str = "v21.0"
    base_url: str = "https://graph.facebook.com"
    session: requests.Session = field(default_factory=requests.Session, repr=False)
    name: str = "whatsapp"

    def send(self, message: Message) -> Outcome:
        if not message.recipient:
            return Outcome.never("no recipient")
        approved = self.templates.get(message.template)
        if approved is None:
            return Outcome.never(f"no Cloud API template for {message.template}")
        # Meta refuses an empty body value: a blank one (a link the server lacks) is sent as a dash.
        values = [{"type": "text", "text": str(message.params.get(name, "")) or "-"}
                  for name in fields(message.template)]
        body = {"messaging_product": "whatsapp", "to": message.recipient, "type": "template",
                "biz_opaque_callback_data": message.key,
                "template": {"name": approved, "language": {"code": message.language},
                             "components": [{"type": "body", "parameters": values}]}}
        answer = _post(self.session, f"{self.base_url}/{self.api_version}/{self.phone_number_id}/messages",
                       headers={"Authorization": f"Bearer {self.token}"}, json=body)
        if isinstance(answer, Outcome):
            return answer
        sent = _json(answer)
        messages = sent.get("messages") if isinstance(sent, dict) else None
        ref = messages[0].get("id") if isinstance(messages, list) and messages and isinstance(messages[0], dict) \
            else None
        return Outcome.delivered(ref if isinstance(ref, str) else None)


def webhook_secret_key(secret: str) -> bytes:
    """The HMAC key of a Standard Webhooks secret: base64 after the ``whsec_`` prefix."""
    return base64.b64decode(secret.removeprefix("whsec_"), validate=True)


def sign_webhook(key: bytes, message_id: str, timestamp: int, body: bytes) -> str:
    """``v1,`` and the base64 HMAC-SHA256 of ``id.timestamp.body`` (Standard Webhooks)."""
    signed = message_id.encode() + b"." + str(timestamp).encode() + b"." + body
    return "v1," + base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()


@dataclass
class SignedWebhook:
    """A JSON event POSTed to another system (an agency's own application, a messaging service of the
    site's choosing) with ``webhook-id``, ``webhook-timestamp`` and ``webhook-signature``. The id is the
    outbox row's, the same on every try, so the receiver drops a repeat. A message to a citizen carries
    their number (``to``) and its text; an event (a booking's change) carries neither."""

    url: str
    secret: str = field(repr=False)
    session: requests.Session = field(default_factory=requests.Session, repr=False)
    name: str = "webhook"

    def __post_init__(self) -> None:
        self._key = webhook_secret_key(self.secret)

    def send(self, message: Message) -> Outcome:
        data = {**message.params, "language": message.language}
        if message.recipient:
            # A citizen's message on a site whose own messaging service is the webhook: whom to tell, and what.
            data |= {"to": message.recipient, "text": render(message.template, message.language, message.params)}
        body = json.dumps({"type": f"anjungan.{message.template}", "timestamp": message.made_at.isoformat(),
                           "data": data}, ensure_ascii=False, separators=(",", ":")).encode()
        now = int(datetime.now().timestamp())
        answer = _post(self.session, self.url, data=body, headers={
            "Content-Type": "application/json", "webhook-id": message.key, "webhook-timestamp": str(now),
            "webhook-signature": sign_webhook(self._key, message.key, now, body)})
        return answer if isinstance(answer, Outcome) else Outcome.delivered()
