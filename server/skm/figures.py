"""The SKM figures of a period from ``survey_responses``: the database sums each unsur's scores and
counts the answers per (agency, service, loket, officer) in one grouped query, and the tickets served
(the population) likewise; Python only adds up those few groups, as integers, and core/ikm.py turns
the sums into NRR, IKM and mutu exactly. No loop ever runs over the responses themselves."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.engine import Connection

from core import ikm
from core.survey import (
    EDUCATION_LABELS,
    GENDER_LABELS,
    OCCUPATION_LABELS,
    QUESTIONNAIRE,
    Label,
    Unsur,
)
from core.wire import SkmComment, SkmFigures, SkmProfileCount, SkmUnit, SkmUnsur, TicketStatus, UnitKind
from server.catalog import SiteCatalog
from server.db import Database, survey_responses, tickets, users
from server.skm import actions
from server.skm.periods import Period

R = survey_responses.c
UNSUR_COLUMNS = tuple(R[f"u_{unsur.value}"] for unsur in Unsur)
COMMENTS_SHOWN = 50
# The respondents' ages, as SKM reports group them; an age left out is counted as such.
AGE_BANDS: tuple[tuple[int, int, str], ...] = ((15, 24, "15–24"), (25, 34, "25–34"), (35, 44, "35–44"),
                                               (45, 54, "45–54"), (55, 200, "55+"))
NO_AGE = Label("Tidak diisi", "Not given")


@dataclass
class Tally:
    """One unit's answers: how many respondents and each unsur's score sum, all integers."""

    respondents: int = 0
    sums: list[int] = field(default_factory=lambda: [0] * len(Unsur))

    def add(self, respondents: int, sums: Iterable[int]) -> None:
        self.respondents += respondents
        self.sums = [mine + more for mine, more in zip(self.sums, sums, strict=True)]

    def totals(self) -> list[ikm.UnsurTotal]:
        return [ikm.UnsurTotal(score_sum, self.respondents) for score_sum in self.sums]


def _four_places(value: Decimal) -> float:
    return float(value.quantize(Decimal("0.0001")))


def unsur_figures(tally: Tally) -> tuple[SkmUnsur, ...]:
    if tally.respondents == 0:
        return ()
    shown = []
    for question, total in zip(QUESTIONNAIRE, tally.totals(), strict=True):
        nrr = ikm.nrr(total)
        index = ikm.unsur_index(nrr)
        shown.append(SkmUnsur(unsur=question.unsur.value, name=question.name_id, name_en=question.name_en,
                              score_sum=total.score_sum, answers=total.answers,
                              nrr=_four_places(Decimal(nrr.numerator) / Decimal(nrr.denominator)),
                              index=float(ikm.two_decimals(index)), mutu=ikm.mutu(index).value))
    return tuple(shown)


def unit_figures(kind: UnitKind, ident: str, name: Label, tally: Tally, population: int) -> SkmUnit:
    value = ikm.ikm_of_totals(tally.totals()) if tally.respondents else None
    return SkmUnit(kind=kind, id=ident, name=name.id, name_en=name.en, respondents=tally.respondents,
                   population=population, sample_needed=ikm.krejcie_morgan(population),
                   ikm=float(ikm.two_decimals(value)) if value is not None else None,
                   mutu=ikm.mutu(value).value if value is not None else None, unsur=unsur_figures(tally))


@dataclass
class Groups:
    """Tallies and populations per unit of one kind, keyed by the unit's id."""

    tallies: dict[str, Tally] = field(default_factory=dict)
    served: dict[str, int] = field(default_factory=dict)

    def tally(self, key: str) -> Tally:
        return self.tallies.setdefault(key, Tally())

    def keys(self) -> list[str]:
        return sorted(self.tallies.keys() | self.served.keys())


def _in_period(column: ColumnElement[str], period: Period) -> ColumnElement[bool]:
    return column.between(period.first.isoformat(), period.last.isoformat())


def _agency_of(cat: SiteCatalog) -> Callable[[str], str]:
    return lambda service_id: cat.services[service_id].agency_id if service_id in cat.services else ""


def figures(db: Database, cat: SiteCatalog, period: Period, agency_id: str | None = None) -> SkmFigures:
    """Every figure of the SKM report for ``period`` (the site's, or one agency's)."""
    agency_of = _agency_of(cat)
    overall = Tally()
    by_kind = {kind: Groups() for kind in (UnitKind.AGENCY, UnitKind.SERVICE, UnitKind.LOKET, UnitKind.OFFICER)}
    served_total = 0
    with db.read() as conn:
        answers = select(R.agency_id, R.service_id, R.counter_id, R.served_by, func.count(),
                         *(func.sum(column) for column in UNSUR_COLUMNS)).where(_in_period(R.service_date, period))
        if agency_id is not None:
            answers = answers.where(R.agency_id == agency_id)
        for agency, service, loket, officer, count, *sums in conn.execute(
                answers.group_by(R.agency_id, R.service_id, R.counter_id, R.served_by)):
            sums = [int(value) for value in sums]
            overall.add(count, sums)
            for kind, key in ((UnitKind.AGENCY, agency), (UnitKind.SERVICE, service),
                              (UnitKind.LOKET, None if loket is None else str(loket)), (UnitKind.OFFICER, officer)):
                if key is not None:
                    by_kind[kind].tally(key).add(count, sums)
        served = select(tickets.c.service_id, tickets.c.counter_id, tickets.c.served_by, func.count()).where(
            tickets.c.status == TicketStatus.DONE.value, _in_period(tickets.c.service_date, period))
        for service, loket, officer, count in conn.execute(
                served.group_by(tickets.c.service_id, tickets.c.counter_id, tickets.c.served_by)):
            agency = agency_of(service)
            if agency_id is not None and agency != agency_id:
                continue
            served_total += count
            for kind, key in ((UnitKind.AGENCY, agency or None), (UnitKind.SERVICE, service),
                              (UnitKind.LOKET, None if loket is None else str(loket)), (UnitKind.OFFICER, officer)):
                if key is not None:
                    groups = by_kind[kind]
                    groups.served[key] = groups.served.get(key, 0) + count
        officer_names = _officer_names(conn, by_kind[UnitKind.OFFICER].keys())
        profile = _profile(conn, period, agency_id)
        comments = _comments(conn, period, agency_id)
        this_period = actions.of_period(conn, period, agency_id)
        previous = actions.of_previous_period(conn, period, agency_id)
    names = _namers(cat, officer_names)
    site_name = cat.site.name
    if agency_id is not None:
        site_name = names[UnitKind.AGENCY](agency_id).id
    units = {kind: tuple(unit_figures(kind, key, names[kind](key), groups.tally(key), groups.served.get(key, 0))
                         for key in groups.keys())
             for kind, groups in by_kind.items()}
    top = unit_figures(UnitKind.AGENCY if agency_id else UnitKind.SITE, agency_id or "",
                       Label(site_name, names[UnitKind.AGENCY](agency_id).en if agency_id else site_name),
                       overall, served_total)
    return SkmFigures(period_from=period.first, period_to=period.last, agency_id=agency_id, site=cat.site.name,
                      overall=top, agencies=units[UnitKind.AGENCY], services=units[UnitKind.SERVICE],
                      lokets=units[UnitKind.LOKET], officers=units[UnitKind.OFFICER], profile=profile,
                      comments=comments, actions=tuple(this_period), previous_actions=tuple(previous))


def _namers(cat: SiteCatalog, officers: Mapping[str, str]) -> dict[UnitKind, Callable[[str], Label]]:
    agencies = {a.id: Label(a.name, a.name_en or a.name) for a in cat.agencies}
    services = {sid: Label(s.name, s.name_en or s.name) for sid, s in cat.services.items()}
    lokets = {str(loket.id): Label(loket.name, loket.name) for loket in cat.lokets}
    return {
        UnitKind.AGENCY: lambda key: agencies.get(key, Label(key, key)),
        UnitKind.SERVICE: lambda key: services.get(key, Label(key, key)),
        UnitKind.LOKET: lambda key: lokets.get(key, Label(f"Loket {key}", f"Loket {key}")),
        UnitKind.OFFICER: lambda key: Label(officers.get(key, key), officers.get(key, key)),
    }


def _officer_names(conn: Connection, usernames: list[str]) -> dict[str, str]:
    if not usernames:
        return {}
    rows = conn.execute(select(users.c.username, users.c.display_name).where(users.c.username.in_(usernames)))
    return {row.username: row.display_name for row in rows}


def _profile(conn: Connection, period: Period, agency_id: str | None) -> tuple[SkmProfileCount, ...]:
    """How many respondents per gender, education, occupation and age band: one grouped count in the
    database (a few thousand groups at most), added up here per field."""
    query = (select(R.gender, R.education, R.occupation, R.age, func.count()).where(_in_period(R.service_date, period))
             .group_by(R.gender, R.education, R.occupation, R.age))
    if agency_id is not None:
        query = query.where(R.agency_id == agency_id)
    by_field: dict[str, Counter[str]] = {name: Counter() for name in ("gender", "education", "occupation")}
    by_age: Counter[int | None] = Counter()
    for gender, education, occupation, age, count in conn.execute(query):
        by_field["gender"][gender] += count
        by_field["education"][education] += count
        by_field["occupation"][occupation] += count
        by_age[age] += count
    counted: list[SkmProfileCount] = []
    labels: tuple[tuple[str, Mapping[str, Label]], ...] = (
        ("gender", {g.value: label for g, label in GENDER_LABELS.items()}),
        ("education", {e.value: label for e, label in EDUCATION_LABELS.items()}),
        ("occupation", {o.value: label for o, label in OCCUPATION_LABELS.items()}))
    for name, label_of in labels:
        for value, label in label_of.items():
            counted.append(SkmProfileCount(field=name, value=value, label=label.id, label_en=label.en,
                                           count=by_field[name][value]))
    for low, high, text in AGE_BANDS:
        in_band = sum(n for age, n in by_age.items() if age is not None and low <= age <= high)
        counted.append(SkmProfileCount(field="age", value=text, label=text, label_en=text, count=in_band))
    counted.append(SkmProfileCount(field="age", value="none", label=NO_AGE.id, label_en=NO_AGE.en,
                                   count=by_age[None]))
    return tuple(counted)


def _comments(conn: Connection, period: Period, agency_id: str | None) -> tuple[SkmComment, ...]:
    """The latest "kritik dan saran" of the period, newest first."""
    query = (select(R.service_date, R.service_id, R.comment)
             .where(_in_period(R.service_date, period), R.comment.is_not(None), R.comment != "")
             .order_by(R.id.desc()).limit(COMMENTS_SHOWN))
    if agency_id is not None:
        query = query.where(R.agency_id == agency_id)
    return tuple(SkmComment(service_date=date.fromisoformat(row.service_date), service_id=row.service_id,
                            text=row.comment) for row in conn.execute(query))

