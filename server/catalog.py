"""The site catalog — site, hours, breaks, holidays, agencies, services, lokets — read from TOML,
validated once, and kept as typed objects the queue engine can ask questions of."""

from __future__ import annotations

import difflib
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, replace
from datetime import date, datetime, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from core import booking
from core.booking import BookingRules
from core.rules import PREFIX_PATTERN, QueuePolicy
from core.schedule import WEEKDAYS, Break, ServiceSchedule, Span, format_hhmm, parse_hhmm
from core.survey import Unsur
from core.wire import SurveyQuestion
from server.catalog_reasons import sentence

DEMO_CATALOG = Path(__file__).resolve().parent.parent / "resources" / "catalog" / "mpp-serang.toml"


class CatalogInvalid(ValueError):
    """The catalog file breaks a rule: ``path`` names the place, ``reason`` the rule and ``params`` its blanks
    (server/catalog_reasons.py has each in both languages); the message is the English sentence."""

    def __init__(self, path: str, reason: str, **params: Any) -> None:
        self.path, self.reason, self.params = path, reason, params
        super().__init__(f"{path}: {sentence(reason, params)}")


DEFAULT_NO_SHOW_AFTER_MINUTES = 2
# Longer than an hour would leave a loket waiting on an absent citizen half the morning.
MOST_NO_SHOW_AFTER_MINUTES = 60


@dataclass(frozen=True)
class SiteInfo:
    name: str
    short_name: str
    address: str
    timezone: str
    tz_label: str
    allow_priority: bool
    policy: QueuePolicy
    running_text: str
    footer: tuple[str, ...]
    # How long a called citizen has to reach the loket before the officer may mark them no-show.
    no_show_after_minutes: int = DEFAULT_NO_SHOW_AFTER_MINUTES
    # The footer lines in English for the English receipt; none: the Indonesian ones are printed.
    footer_en: tuple[str, ...] = ()

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)


@dataclass(frozen=True)
class ServiceInfo:
    id: str
    prefix: str
    name: str
    name_en: str
    agency_id: str
    quota: int | None
    mean_service_minutes: float
    requirements: tuple[str, ...]
    schedule: ServiceSchedule
    # The site's "standar waktu pelayanan": a wait longer than this is an alert on the console's hall.
    target_wait_minutes: int | None = None
    # The requirements in English for the English kiosk and receipt; none: the Indonesian ones are shown.
    requirements_en: tuple[str, ...] = ()
    # How it takes bookings (a ``booking`` table in the service); None: it takes none.
    booking: BookingRules | None = None


@dataclass(frozen=True)
class AgencyInfo:
    id: str
    name: str
    short_name: str
    name_en: str
    service_ids: tuple[str, ...]


@dataclass(frozen=True)
class LoketInfo:
    id: int
    name: str
    service_ids: tuple[str, ...]


@dataclass(frozen=True)
class SiteCatalog:
    site: SiteInfo
    agencies: tuple[AgencyInfo, ...]
    services: Mapping[str, ServiceInfo]
    lokets: tuple[LoketInfo, ...]
    holidays: Mapping[date, str]
    document: Mapping[str, Any]
    # The site's own survey questions, asked after the nine unsur and never part of the IKM.
    survey_questions: tuple[SurveyQuestion, ...] = ()

    def agency_of(self, service_id: str) -> AgencyInfo:
        return next(a for a in self.agencies if service_id in a.service_ids)

    def lokets_for(self, service_id: str) -> tuple[LoketInfo, ...]:
        return tuple(loket for loket in self.lokets if service_id in loket.service_ids)


_TOP_KEYS = ("schema", "site", "holidays", "agencies", "lokets", "survey")
_SITE_KEYS = ("name", "short_name", "address", "timezone", "tz_label", "allow_priority", "priority_policy",
              "priority_ratio", "cutoff_minutes", "running_text", "footer", "hours", "breaks",
              "no_show_after_minutes", "footer_en")
_HOLIDAY_KEYS = ("date", "name", "kind")
_AGENCY_KEYS = ("id", "name", "short_name", "name_en", "services")
_SERVICE_KEYS = ("id", "prefix", "name", "name_en", "hours", "breaks", "cutoff_minutes", "quota",
                 "mean_service_minutes", "requirements", "active", "target_wait_minutes", "requirements_en",
                 "booking")
_BOOKING_KEYS = ("slot_minutes", "per_slot", "days_ahead", "walk_in_percent", "early_minutes", "late_minutes",
                 "per_nik_day", "per_nik_week")
_BREAK_KEYS = ("days", "start", "end", "reason")
_LOKET_KEYS = ("id", "name", "services")
_SURVEY_KEYS = ("questions",)
_QUESTION_KEYS = ("id", "text", "text_en", "kind", "labels", "labels_en")
QUESTION_KINDS = ("scale", "text")
MOST_SURVEY_QUESTIONS = 10
LONGEST_QUESTION = 200
LONGEST_QUESTION_ID = 32
QUESTION_ID_PATTERN = re.compile(r"[a-z][a-z0-9_]*")
SCHEMA = 1
# Bounds past which a value is surely a typo. The text limits are the database columns' widths.
MINUTES_A_DAY = 24 * 60
MOST_QUOTA = 1_000_000
MOST_PRIORITY_RATIO = 1000
MOST_LOKET_ID = 9999
LONGEST_SERVICE_ID = 64
LONGEST_LOKET_NAME = 80
_MISSING: Any = object()


def _shown(value: Any) -> str:
    """The value as the technician wrote it, short enough for one line of the CLI."""
    if value is _MISSING:
        return "nothing"
    if isinstance(value, Mapping):
        return "a table"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, date | time):
        return value.isoformat()
    text = repr(value)
    return text if len(text) <= 40 else f"{text[:37]}..."


def _wrong(path: str, reason: str, value: Any, **params: Any) -> CatalogInvalid:
    """A value of the wrong kind: the reason says what was expected, ``got`` what was written."""
    return CatalogInvalid(path or "the catalog", reason, got=_shown(value), **params)


def _text(value: Any, path: str, *, blank_ok: bool = False, longest: int | None = None) -> str:
    reason = "expected_text" if blank_ok else "expected_nonblank_text"
    if not isinstance(value, str) or (not blank_ok and not value.strip()) or (
            longest is not None and len(value) > longest):
        if longest is None:
            raise _wrong(path, reason, value)
        raise _wrong(path, f"{reason}_of_most", value, longest=longest)
    return value


def _whole(value: Any, path: str, *, least: int, most: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not least <= value <= most:
        if least == most:
            raise _wrong(path, "expected_whole_number", value, least=least)
        raise _wrong(path, "out_of_range", value, least=least, most=most)
    return value


def _positive(value: Any, path: str, *, most: int) -> float:
    """Compared before any conversion: NaN and infinity fail the comparison, a huge whole number
    never reaches float()."""
    if not isinstance(value, int | float) or isinstance(value, bool) or not 0 < value <= most:
        raise _wrong(path, "not_positive_number", value, most=most)
    return float(value)


def _flag(value: Any, path: str) -> bool:
    """Only true or false: bool("false") would be true."""
    if not isinstance(value, bool):
        raise _wrong(path, "expected_true_or_false", value)
    return value


def _list(value: Any, path: str, reason: str) -> list[Any]:
    if not isinstance(value, list):
        raise _wrong(path, reason, value)
    return value


def _texts(value: Any, path: str) -> tuple[str, ...]:
    """Each line is printed as its own line of the ticket: a blank one prints a bare "- "."""
    items = _list(value, path, "expected_text_list")
    return tuple(_text(item, f"{path}[{i}]") for i, item in enumerate(items))


def _tables(value: Any, path: str) -> list[tuple[str, Any]]:
    """The entries of an array of tables, each with its own path."""
    return [(f"{path}[{i}]", item) for i, item in enumerate(_list(value, path, "expected_table_list"))]


def _unknown(path: str, key: str, known: tuple[str, ...], reason: str) -> CatalogInvalid:
    where = f"{path}.{key}" if path else key
    return CatalogInvalid(where, reason, hint=_hint(key, known))


def _hint(word: str, known: tuple[str, ...]) -> dict[str, str]:
    """The key surely meant, or every key known (server/catalog_reasons.py words it)."""
    near = difflib.get_close_matches(word, known, n=1)
    return {"near": repr(near[0])} if near else {"known": ", ".join(known)}


class _Table:
    """One table of the catalog and where it sits: every value read from it names its full path,
    and a key it does not know (a typo like ``qouta``) is refused rather than silently ignored."""

    def __init__(self, value: Any, path: str, known: tuple[str, ...], reason: str = "unknown_key") -> None:
        if not isinstance(value, Mapping):
            raise _wrong(path, "expected_table", value)
        for key in value:
            if key not in known:
                raise _unknown(path, str(key), known, reason)
        self.value: Mapping[str, Any] = value
        self.path = path

    def at(self, key: str) -> str:
        return f"{self.path}.{key}" if self.path else key

    def __contains__(self, key: str) -> bool:
        return key in self.value

    def raw(self, key: str) -> Any:
        return self.value.get(key, _MISSING)

    def text(self, key: str, default: Any = _MISSING, *, blank_ok: bool = False, longest: int | None = None) -> str:
        if key not in self.value and default is not _MISSING:
            return str(default)
        return _text(self.raw(key), self.at(key), blank_ok=blank_ok, longest=longest)

    def whole(self, key: str, default: int, *, least: int, most: int) -> int:
        return _whole(self.value[key], self.at(key), least=least, most=most) if key in self.value else default

    def flag(self, key: str, default: bool) -> bool:
        return _flag(self.value[key], self.at(key)) if key in self.value else default

    def texts(self, key: str) -> tuple[str, ...]:
        return _texts(self.value[key], self.at(key)) if key in self.value else ()

    def tables(self, key: str) -> list[tuple[str, Any]]:
        return _tables(self.value[key], self.at(key)) if key in self.value else []


def _minutes(moment: time) -> int:
    return moment.hour * 60 + moment.minute


def _span_text(span: Span) -> str:
    return f"{format_hhmm(span.start)}-{format_hhmm(span.end)}"


def _hours(value: Any, path: str) -> dict[str, Span]:
    """Weekday -> opening span; a day left out, or given as "" or false, is closed."""
    table = _Table(value, path, WEEKDAYS, reason="unknown_weekday_key")
    hours: dict[str, Span] = {}
    for day in WEEKDAYS:
        if day not in table or table.raw(day) is False:
            continue
        text = table.text(day, blank_ok=True)
        if not text.strip():
            continue
        try:
            hours[day] = Span.parse(text)
        except ValueError as exc:
            raise CatalogInvalid(table.at(day), "bad_hours", text=repr(text), detail=str(exc)) from None
    return hours


def _weekdays(value: Any, path: str) -> frozenset[str]:
    days = _list(value, path, "expected_weekday_list")
    if not days:
        raise _wrong(path, "no_weekday", value)
    for i, day in enumerate(days):
        if not isinstance(day, str):
            raise _wrong(f"{path}[{i}]", "expected_weekday", day, known=", ".join(WEEKDAYS))
        if day not in WEEKDAYS:
            raise CatalogInvalid(f"{path}[{i}]", "unknown_weekday", day=repr(day), hint=_hint(day, WEEKDAYS))
        if day in days[:i]:
            raise CatalogInvalid(f"{path}[{i}]", "named_twice", value=repr(day))
    return frozenset(days)


def _time_of_day(table: _Table, key: str) -> time:
    text = table.text(key)
    try:
        return parse_hhmm(text)
    except ValueError as exc:
        raise CatalogInvalid(table.at(key), "bad_time", text=repr(text), detail=str(exc)) from None


def _breaks(value: Any, path: str) -> tuple[tuple[str, Break], ...]:
    """Each break with its path, kept for the check that it applies to some opening hours."""
    out = []
    for where, item in _tables(value, path):
        table = _Table(item, where, _BREAK_KEYS)
        days = _weekdays(table.raw("days"), table.at("days"))
        start, end = _time_of_day(table, "start"), _time_of_day(table, "end")
        if end <= start:
            raise CatalogInvalid(table.at("end"), "break_ends_before_start",
                                 span=f"{format_hhmm(start)}-{format_hhmm(end)}")
        out.append((where, Break(days, Span(start, end), table.text("reason", "istirahat"))))
    return tuple(out)


def _check_cutoff(cutoff: int, hours: Mapping[str, Span], path: str) -> None:
    """A cut-off as long as the day's opening would close it before it opens; a longer one would
    put the last ticket on the evening before, which reads as open all day."""
    for day, span in hours.items():
        if cutoff >= _minutes(span.end) - _minutes(span.start):
            raise CatalogInvalid(path, "cutoff_not_shorter", cutoff=cutoff, day=day, span=_span_text(span))


def _check_breaks_apply(breaks: tuple[tuple[str, Break], ...], hours_using: list[Mapping[str, Span]]) -> None:
    """A break that overlaps no opening span on any of its days, for every schedule that uses it,
    never applies: surely a typo (02.00 for 14.00, sat for fri). One that misses only some days or
    some services is normal: services inherit the site's breaks with hours of their own."""
    for where, brk in breaks:
        if not any(day in hours and brk.span.start < hours[day].end and hours[day].start < brk.span.end
                   for hours in hours_using for day in brk.days):
            days = ", ".join(d for d in WEEKDAYS if d in brk.days)
            raise CatalogInvalid(where, "break_never_applies", span=_span_text(brk.span), days=days)


def _holiday_date(value: Any, path: str) -> date:
    """A TOML date, or its ISO text as stored in the database; a date-time is not a day."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise _wrong(path, "expected_date", value)


def _site(doc: _Table) -> tuple[SiteInfo, dict[str, Span], tuple[tuple[str, Break], ...], int]:
    site = _Table(doc.raw("site"), "site", _SITE_KEYS)
    tz = site.text("timezone", "Asia/Jakarta")
    try:
        ZoneInfo(tz)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise CatalogInvalid("site.timezone", "unknown_time_zone", zone=repr(tz)) from None
    mode = site.text("priority_policy", "first")
    if mode not in ("first", "interleave"):
        raise _wrong(site.at("priority_policy"), "expected_priority_policy", mode)
    name = site.text("name")
    info = SiteInfo(
        name=name, short_name=site.text("short_name", name), address=site.text("address", "", blank_ok=True),
        timezone=tz, tz_label=site.text("tz_label", "", blank_ok=True),
        allow_priority=site.flag("allow_priority", True),
        policy=QueuePolicy(mode, site.whole("priority_ratio", 2, least=1, most=MOST_PRIORITY_RATIO)),
        running_text=site.text("running_text", "", blank_ok=True), footer=site.texts("footer"),
        no_show_after_minutes=site.whole("no_show_after_minutes", DEFAULT_NO_SHOW_AFTER_MINUTES, least=0,
                                         most=MOST_NO_SHOW_AFTER_MINUTES),
        footer_en=site.texts("footer_en"))
    hours = _hours(site.raw("hours"), site.at("hours")) if "hours" in site else {}
    breaks = _breaks(site.raw("breaks"), site.at("breaks")) if "breaks" in site else ()
    cutoff = site.whole("cutoff_minutes", 30, least=0, most=MINUTES_A_DAY)
    _check_cutoff(cutoff, hours, site.at("cutoff_minutes"))
    return info, hours, breaks, cutoff


def _holidays(doc: _Table) -> dict[date, str]:
    holidays: dict[date, str] = {}
    where_of: dict[date, str] = {}
    for where, item in doc.tables("holidays"):
        table = _Table(item, where, _HOLIDAY_KEYS)
        day = _holiday_date(table.raw("date"), table.at("date"))
        if day in holidays:
            raise CatalogInvalid(table.at("date"), "duplicate_holiday", day=day.isoformat(), other=where_of[day])
        holidays[day], where_of[day] = table.text("name", "Hari libur"), where
        table.text("kind", "", blank_ok=True)
    return holidays


def parse_catalog(document: Mapping[str, Any]) -> SiteCatalog:
    """Validate a catalog document (parsed TOML, or the JSON copy in the database). Any fault is a
    CatalogInvalid naming the field's full path, e.g. ``agencies[2].services[0].quota``."""
    doc = _Table(document, "", _TOP_KEYS)
    if "schema" in doc:
        _whole(doc.raw("schema"), "schema", least=SCHEMA, most=SCHEMA)
    if "site" not in doc:
        raise CatalogInvalid("site", "no_site")
    site, default_hours, default_breaks, default_cutoff = _site(doc)
    holidays = _holidays(doc)

    agencies: list[AgencyInfo] = []
    services: dict[str, ServiceInfo] = {}
    prefixes: dict[str, str] = {}
    hours_using_site_breaks: list[Mapping[str, Span]] = [default_hours]
    paths: dict[str, str] = {}
    for where, item in doc.tables("agencies"):
        a = _Table(item, where, _AGENCY_KEYS)
        agency_id, agency_name = a.text("id"), a.text("name")
        for other, agency in enumerate(agencies):
            if agency.id == agency_id:
                raise CatalogInvalid(a.at("id"), "duplicate_agency_id", id=repr(agency_id), other=f"agencies[{other}]")
        ids = []
        for sw, s_item in a.tables("services"):
            s = _Table(s_item, sw, _SERVICE_KEYS)
            sid = s.text("id", longest=LONGEST_SERVICE_ID)
            prefix = s.text("prefix")
            name = s.text("name")
            if sid in services:
                raise CatalogInvalid(s.at("id"), "duplicate_service_id", id=repr(sid), other=paths[sid])
            if not PREFIX_PATTERN.match(prefix):
                raise _wrong(s.at("prefix"), "bad_prefix", prefix)
            if prefix in prefixes:
                raise CatalogInvalid(s.at("prefix"), "duplicate_prefix", prefix=repr(prefix), other=prefixes[prefix])
            prefixes[prefix] = sw
            hours = _hours(s.raw("hours"), s.at("hours")) if "hours" in s else default_hours
            own_breaks = _breaks(s.raw("breaks"), s.at("breaks")) if "breaks" in s else None
            cutoff = s.whole("cutoff_minutes", default_cutoff, least=0, most=MINUTES_A_DAY)
            if "cutoff_minutes" in s or "hours" in s:
                _check_cutoff(cutoff, hours, s.at("cutoff_minutes" if "cutoff_minutes" in s else "hours"))
            if own_breaks is None:
                hours_using_site_breaks.append(hours)
            else:
                _check_breaks_apply(own_breaks, [hours])
            quota = _whole(s.raw("quota"), s.at("quota"), least=0, most=MOST_QUOTA) if "quota" in s else None
            schedule = ServiceSchedule(
                active=s.flag("active", True), hours=hours,
                breaks=tuple(b for _, b in (default_breaks if own_breaks is None else own_breaks)),
                cutoff_minutes=cutoff, quota=quota)
            services[sid] = ServiceInfo(
                id=sid, prefix=prefix, name=name, name_en=s.text("name_en", name), agency_id=agency_id,
                quota=quota, mean_service_minutes=(
                    _positive(s.raw("mean_service_minutes"), s.at("mean_service_minutes"), most=MINUTES_A_DAY)
                    if "mean_service_minutes" in s else 10.0),
                requirements=s.texts("requirements"), schedule=schedule,
                target_wait_minutes=(s.whole("target_wait_minutes", 0, least=1, most=MINUTES_A_DAY)
                                     if "target_wait_minutes" in s else None),
                requirements_en=s.texts("requirements_en"),
                booking=_booking(s.raw("booking"), s.at("booking"), schedule) if "booking" in s else None)
            paths[sid] = sw
            ids.append(sid)
        agencies.append(AgencyInfo(agency_id, agency_name, a.text("short_name", agency_name),
                                   a.text("name_en", agency_name), tuple(ids)))
    _check_breaks_apply(default_breaks, hours_using_site_breaks)

    lokets = _lokets(doc, services)
    called = {sid for loket in lokets for sid in loket.service_ids}
    for sid, service in services.items():
        if service.schedule.active and sid not in called:
            raise CatalogInvalid(paths[sid], "no_loket_serves", id=repr(sid))
    return SiteCatalog(site, tuple(agencies), services, tuple(lokets), holidays, _jsonable(document),
                       _survey_questions(doc))


def _booking(value: Any, path: str, schedule: ServiceSchedule) -> BookingRules:
    """A service's ``booking`` table: each value in its range; the week's limit no lower than the day's; and
    slots short enough that some open day has one."""
    table = _Table(value, path, _BOOKING_KEYS)
    for key in ("slot_minutes", "per_slot", "days_ahead", "walk_in_percent"):
        if key not in table:
            raise CatalogInvalid(table.at(key), "booking_needs", key=key)

    def whole(key: str, default: int, bounds: tuple[int, int]) -> int:
        return table.whole(key, default, least=bounds[0], most=bounds[1])

    rules = BookingRules(
        slot_minutes=whole("slot_minutes", 0, booking.SLOT_MINUTES), per_slot=whole("per_slot", 0, booking.PER_SLOT),
        days_ahead=whole("days_ahead", 0, booking.DAYS_AHEAD),
        walk_in_percent=whole("walk_in_percent", 0, booking.WALK_IN_PERCENT),
        early_minutes=whole("early_minutes", 60, booking.EARLY_MINUTES),
        late_minutes=whole("late_minutes", 15, booking.LATE_MINUTES),
        per_nik_day=whole("per_nik_day", 1, booking.PER_NIK_DAY),
        per_nik_week=whole("per_nik_week", 2, booking.PER_NIK_WEEK))
    if rules.per_nik_week < rules.per_nik_day:
        raise CatalogInvalid(table.at("per_nik_week"), "booking_week_below_day", week=rules.per_nik_week,
                             day=rules.per_nik_day)
    active = replace(schedule, active=True)  # an inactive service keeps its settings for when it is back
    if schedule.hours and not any(booking.day_slots(active, rules, _a_day_of(weekday), {})
                                  for weekday in schedule.hours):
        raise CatalogInvalid(table.at("slot_minutes"), "booking_no_slot", minutes=rules.slot_minutes)
    return rules


def _a_day_of(weekday: str) -> date:
    """Some date falling on ``weekday`` (2024-01-01 was a Monday): a day's slots depend only on its weekday."""
    return date(2024, 1, 1 + WEEKDAYS.index(weekday))


def _lokets(doc: _Table, services: Mapping[str, ServiceInfo]) -> list[LoketInfo]:
    lokets: list[LoketInfo] = []
    for where, item in doc.tables("lokets"):
        entry = _Table(item, where, _LOKET_KEYS)
        lid = _whole(entry.raw("id"), entry.at("id"), least=1, most=MOST_LOKET_ID)
        for other, loket in enumerate(lokets):
            if loket.id == lid:
                raise CatalogInvalid(entry.at("id"), "duplicate_loket_id", id=lid, other=f"lokets[{other}]")
        served = _list(entry.raw("services"), entry.at("services"), "expected_service_id_list")
        if not served:
            raise CatalogInvalid(entry.at("services"), "loket_serves_nothing")
        for i, sid in enumerate(served):
            at = f"{entry.at('services')}[{i}]"
            if not isinstance(sid, str):
                raise _wrong(at, "expected_service_id", sid)
            if sid not in services:
                near = difflib.get_close_matches(sid, list(services), n=1)
                raise CatalogInvalid(at, "unknown_service", id=repr(sid),
                                     hint={"near_service": repr(near[0])} if near else None)
            if sid in served[:i]:
                raise CatalogInvalid(at, "named_twice", value=repr(sid))
        lokets.append(LoketInfo(lid, entry.text("name", f"Loket {lid}", longest=LONGEST_LOKET_NAME), tuple(served)))
    return lokets


def _survey_questions(doc: _Table) -> tuple[SurveyQuestion, ...]:
    """``[[survey.questions]]``: the site's own questions, each a 1..4 scale with its four answers' words or a
    short text; an id is never one of the nine unsur, so an extra answer can never pass for one."""
    if "survey" not in doc:
        return ()
    survey = _Table(doc.raw("survey"), "survey", _SURVEY_KEYS)
    entries = survey.tables("questions")
    if len(entries) > MOST_SURVEY_QUESTIONS:
        raise _wrong(survey.at("questions"), "too_many_questions", survey.raw("questions"), most=MOST_SURVEY_QUESTIONS)
    questions: list[SurveyQuestion] = []
    for where, item in entries:
        q = _Table(item, where, _QUESTION_KEYS)
        qid = q.text("id", longest=LONGEST_QUESTION_ID)
        if not QUESTION_ID_PATTERN.fullmatch(qid):
            raise _wrong(q.at("id"), "bad_question_id", qid)
        if qid in {unsur.value for unsur in Unsur}:
            raise CatalogInvalid(q.at("id"), "question_id_is_unsur", id=repr(qid))
        for other, question in enumerate(questions):
            if question.id == qid:
                raise CatalogInvalid(q.at("id"), "duplicate_question_id", id=repr(qid),
                                     other=f"survey.questions[{other}]")
        text = q.text("text", longest=LONGEST_QUESTION)
        kind = q.text("kind", "scale")
        if kind not in QUESTION_KINDS:
            raise _wrong(q.at("kind"), "expected_question_kind", kind)
        labels, labels_en = q.texts("labels"), q.texts("labels_en")
        if kind == "scale":
            if len(labels) != 4:
                raise _wrong(q.at("labels"), "expected_four_labels", q.raw("labels"))
            if "labels_en" in q and len(labels_en) != 4:
                raise _wrong(q.at("labels_en"), "expected_four_labels_en", q.raw("labels_en"))
        elif "labels" in q or "labels_en" in q:
            raise CatalogInvalid(q.at("labels" if "labels" in q else "labels_en"), "text_question_has_no_labels")
        questions.append(SurveyQuestion(id=qid, text=text, text_en=q.text("text_en", text, longest=LONGEST_QUESTION),
                                        kind=kind, labels=labels, labels_en=labels_en or labels))
    return tuple(questions)


def _jsonable(value: Any) -> Any:
    """TOML dates become ISO strings so the document can be stored as JSON."""
    if isinstance(value, Mapping):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def load_catalog_file(path: Path) -> SiteCatalog:
    """Read and validate a catalog file; an unreadable file is an OSError, anything else wrong with
    it a CatalogInvalid."""
    return load_catalog_bytes(path.read_bytes(), str(path))


def load_catalog_bytes(data: bytes, name: str) -> SiteCatalog:
    """Validate a catalog file's bytes (``name`` is the file, for the messages). A UTF-8 byte-order mark
    (Windows Notepad writes one) is allowed."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise CatalogInvalid(name, "not_utf8", byte=f"{data[exc.start]:#04x}", offset=exc.start) from None
    try:
        document = tomllib.loads(text)
    except ValueError as exc:  # TOMLDecodeError, or a number too long for Python to read
        raise CatalogInvalid(name, "not_toml", detail=str(exc)) from None
    except RecursionError:
        raise CatalogInvalid(name, "not_toml", detail="nested too deeply") from None
    return parse_catalog(document)
