"""The SKM as the API, the console and the CLI ask for it: a period and an agency checked against the
catalog, then the figures, a report file, or the follow-up actions."""

from __future__ import annotations

from datetime import date

from core.wire import ActionStatus, ErrorCode, SkmAction, SkmFigures
from server.auth import Principal
from server.catalog import SiteCatalog
from server.engine import QueueEngine
from server.errors import ApiError
from server.reports.formats import FileFormat
from server.skm import actions
from server.skm.figures import figures
from server.skm.periods import Period, semester_of
from server.skm.report_files import ReportFile, report_file

# A report over more than this many years is a typing slip, and would read every row there is.
LONGEST_PERIOD_DAYS = 5 * 366


class SkmOffice:
    def __init__(self, engine: QueueEngine) -> None:
        self.engine = engine

    def period(self, first: date | None, last: date | None) -> Period:
        """The period asked for; by default today's semester, whole, as its follow-up actions are filed."""
        cat = self.engine.catalog()
        today = self.engine.today(cat)
        if first is None and last is None:
            first, last = semester_of(today).first, semester_of(today).last
        if first is None or last is None:
            last = last or today
            first = first or semester_of(last).first
        if last < first:
            raise ApiError(422, ErrorCode.REPORT_PERIOD_REVERSED, "The period ends before it starts.",
                           date_from=first.isoformat(), date_to=last.isoformat())
        period = Period(first, last)
        if period.days > LONGEST_PERIOD_DAYS:
            raise ApiError(422, ErrorCode.REPORT_PERIOD_TOO_LONG, "An SKM report covers at most five years.",
                           days=period.days, most_days=LONGEST_PERIOD_DAYS)
        return period

    def agency(self, cat: SiteCatalog, agency_id: str | None) -> str | None:
        if agency_id is not None and agency_id not in {a.id for a in cat.agencies}:
            raise ApiError(404, ErrorCode.AGENCY_NOT_FOUND, f"There is no agency {agency_id!r}.",
                           agency_id=agency_id)
        return agency_id

    def figures(self, period: Period, agency_id: str | None = None) -> SkmFigures:
        cat = self.engine.catalog()
        return figures(self.engine.db, cat, period, self.agency(cat, agency_id))

    def report(self, period: Period, agency_id: str | None, fmt: FileFormat) -> ReportFile:
        cat = self.engine.catalog()
        shown = figures(self.engine.db, cat, period, self.agency(cat, agency_id))
        return report_file(self.engine.db, shown, period, fmt, made_at=self.engine.local_now(cat),
                           zone_label=cat.site.tz_label)

    def actions(self, period: Period | None = None, agency_id: str | None = None) -> list[SkmAction]:
        cat = self.engine.catalog()
        return actions.listed(self.engine.db, period, self.agency(cat, agency_id))

    def add_action(self, who: Principal, *, period: Period, unsur: str, agency_id: str | None, what: str,
                   responsible: str, due: date, evidence: str = "") -> SkmAction:
        cat = self.engine.catalog()
        return actions.add(self.engine.db, self.engine.clock, who, period=period, unsur=unsur,
                           agency_id=self.agency(cat, agency_id), what=what, responsible=responsible, due=due,
                           evidence=evidence)

    def change_action(self, who: Principal, action_id: int, *, status: ActionStatus | None,
                      evidence: str | None) -> SkmAction:
        return actions.change(self.engine.db, self.engine.clock, who, action_id, status=status, evidence=evidence)
