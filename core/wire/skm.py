"""The SKM figures and follow-up actions the server answers with (GET /api/v1/skm, /api/v1/skm/actions).

Each figure carries its exact parts (the sum of scores and the number of answers) beside the rounded
numbers shown, so a reader can check the arithmetic of core/ikm.py."""

from __future__ import annotations

import enum
from datetime import date

from core.wire.base import WireDateTime, WireModel


class ActionStatus(enum.StrEnum):
    """Where a follow-up action (rencana tindak lanjut) stands."""

    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"


class UnitKind(enum.StrEnum):
    """What a row of figures is about: the whole site (or the one agency asked for) or one unit in it."""

    SITE = "site"
    AGENCY = "agency"
    SERVICE = "service"
    LOKET = "loket"
    OFFICER = "officer"


class SkmUnsur(WireModel):
    """One unsur in a period: NRR = score_sum ÷ answers; ``index`` is NRR × 25 with its ``mutu``."""

    unsur: str
    name: str
    name_en: str
    score_sum: int
    answers: int
    nrr: float        # four decimals
    index: float      # two decimals, half up
    mutu: str


class SkmUnit(WireModel):
    """A unit's IKM for the period, its respondents beside the tickets it served (the population) and
    the Krejcie–Morgan sample that population needs: "n of S respondents"."""

    kind: UnitKind
    id: str
    name: str
    name_en: str
    respondents: int
    population: int
    sample_needed: int
    ikm: float | None = None   # two decimals, half up; None without respondents
    mutu: str | None = None
    unsur: tuple[SkmUnsur, ...] = ()

    @property
    def sample_met(self) -> bool:
        return self.respondents >= self.sample_needed


class SkmProfileCount(WireModel):
    """How many respondents gave one answer of the profile (field gender, education, occupation, age)."""

    field: str
    value: str
    label: str
    label_en: str
    count: int


class SkmComment(WireModel):
    """A respondent's "kritik dan saran", with the day and service only."""

    service_date: date
    service_id: str
    text: str


class SkmAction(WireModel):
    """One follow-up action of a period, tied to an unsur (and an agency, or the whole site)."""

    id: int
    period_from: date
    period_to: date
    unsur: str
    agency_id: str | None = None
    what: str
    who: str
    due: date
    status: ActionStatus
    evidence: str = ""
    made_by: str
    updated_at: WireDateTime


class SkmActions(WireModel):
    actions: tuple[SkmAction, ...] = ()


class SkmFigures(WireModel):
    """The SKM of one period: the whole (``overall``), each unit, the respondents' profile, their
    comments, this period's follow-up actions and the previous period's with their status."""

    period_from: date
    period_to: date
    agency_id: str | None = None
    site: str
    overall: SkmUnit
    agencies: tuple[SkmUnit, ...] = ()
    services: tuple[SkmUnit, ...] = ()
    lokets: tuple[SkmUnit, ...] = ()
    officers: tuple[SkmUnit, ...] = ()
    profile: tuple[SkmProfileCount, ...] = ()
    comments: tuple[SkmComment, ...] = ()
    actions: tuple[SkmAction, ...] = ()
    previous_actions: tuple[SkmAction, ...] = ()
