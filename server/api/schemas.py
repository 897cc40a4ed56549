"""Request bodies and path ids: strict types and no unknown fields, so bad input is refused
before it acts."""

from __future__ import annotations

import re
import unicodedata
from datetime import date
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, StrictInt, StrictStr

from core.config import RUNNING_TEXT_MAX
from core.survey import Education, Gender, Occupation, Unsur
from core.wire import ActionStatus

_PLAIN_INTEGER = re.compile(r"-?[0-9]+")


def _no_nul(text: str) -> str:
    """PostgreSQL cannot store or compare text with a NUL in it (a 500 there), and no real input
    has one."""
    if "\x00" in text:
        raise ValueError("text must not contain a NUL character")
    return text


def _plain_integer(value: object) -> object:
    """A path id as written in digits. Pydantic's lax int also reads "+1" and "1_9" (as 19), which
    would act on a record nobody named."""
    if isinstance(value, str) and not _PLAIN_INTEGER.fullmatch(value):
        raise ValueError("must be a whole number written in digits")
    return value


def _one_line(text: str) -> str:
    """A text the hall shows on one line: runs of spaces, tabs and line breaks become one space."""
    return " ".join(text.split())


def _said(text: str) -> str:
    if not text:
        raise ValueError("must not be blank")
    return text


Text = Annotated[str, AfterValidator(_no_nul)]
OneLine = Annotated[str, AfterValidator(_no_nul), AfterValidator(_one_line)]
RowId = Annotated[int, BeforeValidator(_plain_integer)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class TicketRequest(Strict):
    service_id: str = Field(min_length=1, max_length=64)
    priority: str | None = Field(default=None, max_length=20)
    nik: str | None = Field(default=None, max_length=32)


class PrintResult(Strict):
    status: Literal["printed", "paper_out", "offline", "timed_out", "failed", "screen_only"]
    reason: Text = Field(default="", max_length=200)


class LoginRequest(Strict):
    username: Text = Field(min_length=1, max_length=64)
    password: Text = Field(min_length=1, max_length=200)


class ChangePassword(Strict):
    current_password: Text = Field(min_length=1, max_length=200)
    new_password: Text = Field(min_length=1, max_length=200)


class EnrollRequest(Strict):
    code: str = Field(min_length=4, max_length=40)


class Heartbeat(Strict):
    version: Text = Field(default="", max_length=40)
    uptime_s: float = Field(default=0, ge=0, allow_inf_nan=False)
    printer_state: Literal["online", "offline", "unknown", "none"] = "unknown"
    paper: Literal["ok", "near_end", "out", "unknown"] = "unknown"
    last_error: Text | None = Field(default=None, max_length=300)
    screen: Text | None = Field(default=None, max_length=40)
    # The name given in the device's own setup: the server's record follows it when no other device has it.
    name: Text | None = Field(default=None, max_length=80)


class OpenCounter(Strict):
    service_ids: list[str] | None = Field(default=None, max_length=50)
    reason: Text = Field(default="", max_length=200)  # needed to take over another officer's loket


class CloseCounter(Strict):
    reason: Text = Field(default="", max_length=200)  # needed to close another officer's loket


class PauseCounter(Strict):
    reason: Text = Field(default="", max_length=200)
    # The expected return, site time "HH:MM" on today's service day; none: no time said.
    until: str | None = Field(default=None, pattern=r"^([01][0-9]|2[0-3]):[0-5][0-9]$")


def _transfer_note(text: str | None) -> str | None:
    """A note for the receiving officer: trimmed, at most 200 characters, one plain line."""
    if text is None:
        return None
    text = text.strip()
    if any(unicodedata.category(ch) == "Cc" for ch in text):
        raise ValueError("the note must not contain control characters (line breaks, tabs)")
    if len(text) > TRANSFER_NOTE_MAX:
        raise ValueError(f"the note may have at most {TRANSFER_NOTE_MAX} characters")
    return text or None


TRANSFER_NOTE_MAX = 200


class Transfer(Strict):
    service_id: str = Field(min_length=1, max_length=64)
    # One loket by its number: it alone calls the ticket while it is open. None: any loket.
    counter_id: int | None = Field(default=None, ge=1, le=2 ** 31 - 1)
    note: Annotated[str | None, AfterValidator(_transfer_note)] = Field(default=None, max_length=1000)


StaffRole = Literal["staff", "supervisor", "admin"]


class NewStaff(Strict):
    username: Text = Field(min_length=1, max_length=64)
    role: StaffRole
    display_name: Text = Field(default="", max_length=80)
    # Left out: the server makes a one-time password and answers it once.
    password: Text | None = Field(default=None, min_length=1, max_length=200)


class PasswordReset(Strict):
    password: Text | None = Field(default=None, min_length=1, max_length=200)


class StaffRoleChange(Strict):
    role: StaffRole


class NewDevice(Strict):
    kind: Literal["kiosk", "display", "survey"]
    name: Text = Field(min_length=1, max_length=80)
    # A name a device is enrolled under (or has a code pending) is refused unless this is true: once
    # the new code is used, that device stops working.
    replace: bool = False


class DeviceName(Strict):
    name: Text = Field(min_length=1, max_length=80)


class CloseToday(Strict):
    """Closing a service, or stopping an agency, for the rest of today: the public reason, if any."""

    note: OneLine = Field(default="", max_length=120)


class QuotaTodayRequest(Strict):
    quota: int = Field(ge=0, le=1_000_000)


class RunningTextRequest(Strict):
    text: Annotated[OneLine, AfterValidator(_said)] = Field(max_length=RUNNING_TEXT_MAX)


class NotificationCheck(Strict):
    """A test message through one channel; ``recipient`` is a mobile number for WhatsApp."""

    channel: Literal["whatsapp", "webhook"]
    recipient: str | None = Field(default=None, max_length=24)


class ContactRequest(Strict):
    """A ticket holder's number to be told on, with their explicit consent (the page's checkbox)."""

    phone: str = Field(max_length=24)
    consent: bool
    language: Literal["id", "en"] = "id"
class SurveyAnswers(Strict):
    """One survey's answers. Only the types are checked here: what is missing or out of range is the
    survey's own refusal (survey_invalid, naming the field), so every channel gets the same one. Lax
    only so the enums read their JSON strings; every number is a strict one."""

    model_config = ConfigDict(extra="forbid", strict=False)

    ref: str = Field(min_length=1, max_length=200)
    answers: dict[Unsur, StrictInt] = Field(default_factory=dict)
    gender: Gender | None = None
    education: Education | None = None
    occupation: Occupation | None = None
    age: StrictInt | None = None
    comment: Text | None = None
    extra: dict[str, StrictInt | StrictStr] | None = None


class SkmActionNew(Strict):
    """A follow-up action of an SKM period (server/skm/actions.py); dates as ISO text."""

    model_config = ConfigDict(extra="forbid", strict=False)

    period_from: date
    period_to: date
    unsur: Unsur
    agency_id: str | None = Field(default=None, min_length=1, max_length=64)
    what: Annotated[OneLine, AfterValidator(_said)] = Field(max_length=500)
    who: Annotated[OneLine, AfterValidator(_said)] = Field(max_length=120)
    due: date
    evidence: Text = Field(default="", max_length=1000)


class SkmActionChange(Strict):
    """A new status, evidence note, or both, for a follow-up action."""

    model_config = ConfigDict(extra="forbid", strict=False)

    status: ActionStatus | None = None
    evidence: Text | None = Field(default=None, max_length=1000)


class BookingRequest(Strict):
    """A booking: the service, the day (ISO text), the slot "HH:MM", the NIK, and a WhatsApp number only with
    the holder's consent."""

    model_config = ConfigDict(extra="forbid", strict=False)

    service_id: str = Field(min_length=1, max_length=64)
    date: date
    slot: str = Field(min_length=3, max_length=5)
    nik: str = Field(min_length=1, max_length=32)
    phone: Text | None = Field(default=None, max_length=32)
    consent: bool = False
    language: Literal["id", "en"] = "id"


class BookingCheckIn(Strict):
    """Scanned: the booking's ``token``; typed: its ``code`` and the NIK's last four digits."""

    token: str | None = Field(default=None, min_length=1, max_length=64)
    code: str | None = Field(default=None, min_length=1, max_length=20)
    nik_last4: str | None = Field(default=None, min_length=1, max_length=4)
