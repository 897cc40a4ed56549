"""Request bodies: strict types and no unknown fields, so bad input is refused before it acts."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class TicketRequest(Strict):
    service_id: str = Field(min_length=1, max_length=64)
    priority: str | None = Field(default=None, max_length=20)
    nik: str | None = Field(default=None, max_length=32)


class PrintResult(Strict):
    status: Literal["printed", "paper_out", "offline", "timed_out", "failed", "screen_only"]
    reason: str = Field(default="", max_length=200)


class LoginRequest(Strict):
    username: str = Field(min_length=1, max_length=64)
    password: str = Field(min_length=1, max_length=200)


class EnrollRequest(Strict):
    code: str = Field(min_length=4, max_length=40)


class Heartbeat(BaseModel):
    model_config = ConfigDict(extra="forbid")
    version: str = Field(default="", max_length=40)
    uptime_s: float = Field(default=0, ge=0)
    printer_state: Literal["online", "offline", "unknown", "none"] = "unknown"
    paper: Literal["ok", "near_end", "out", "unknown"] = "unknown"
    last_error: str | None = Field(default=None, max_length=300)
    screen: str | None = Field(default=None, max_length=40)


class OpenCounter(Strict):
    service_ids: list[str] | None = Field(default=None, max_length=50)


class PauseCounter(Strict):
    reason: str = Field(default="", max_length=200)


class Transfer(Strict):
    service_id: str = Field(min_length=1, max_length=64)
