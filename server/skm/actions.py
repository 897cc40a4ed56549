"""The SKM's follow-up actions (rencana tindak lanjut): for a survey period, what is done about an unsur,
by whom, by when, where it stands and the evidence. Each change is audited in its own transaction;
the next period's report shows the previous period's actions with their status."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sqlalchemy import Row, Select, func, select, update
from sqlalchemy.engine import Connection

from core.wire import ActionStatus, AuditKind, ErrorCode, SkmAction
from server.audit import mask_niks, record
from server.auth import Principal
from server.clock import Clock
from server.db import Database, skm_actions
from server.errors import ApiError
from server.locking import locking_write
from server.skm.periods import Period

A = skm_actions.c


def _action(row: Row) -> SkmAction:
    return SkmAction(id=row.id, period_from=date.fromisoformat(row.period_from),
                     period_to=date.fromisoformat(row.period_to), unsur=row.unsur, agency_id=row.agency_id,
                     what=row.what, who=row.who, due=date.fromisoformat(row.due), status=ActionStatus(row.status),
                     evidence=row.evidence or "", made_by=row.made_by, updated_at=row.updated_at)


def _scoped(query: Select, agency_id: str | None) -> Select:
    """An agency's report shows its own actions and the site's; the site's report shows all."""
    if agency_id is None:
        return query
    return query.where((A.agency_id == agency_id) | A.agency_id.is_(None))


def of_period(conn: Connection, period: Period, agency_id: str | None = None) -> list[SkmAction]:
    """The actions that follow up exactly this period, oldest first."""
    query = select(skm_actions).where(A.period_from == period.first.isoformat(),
                                      A.period_to == period.last.isoformat()).order_by(A.id)
    return [_action(row) for row in conn.execute(_scoped(query, agency_id))]


def of_previous_period(conn: Connection, period: Period, agency_id: str | None = None) -> list[SkmAction]:
    """The actions of the latest period that ended before this one began: what the last survey
    promised, shown with where it stands now."""
    latest = conn.execute(_scoped(select(func.max(A.period_to)).where(A.period_to < period.first.isoformat()),
                                  agency_id)).scalar()
    if latest is None:
        return []
    query = select(skm_actions).where(A.period_to == latest).order_by(A.period_from, A.id)
    return [_action(row) for row in conn.execute(_scoped(query, agency_id))]


def listed(db: Database, period: Period | None = None, agency_id: str | None = None) -> list[SkmAction]:
    """Every action (of a period, if given), newest period first."""
    query = select(skm_actions).order_by(A.period_to.desc(), A.id)
    if period is not None:
        query = query.where(A.period_from == period.first.isoformat(), A.period_to == period.last.isoformat())
    with db.read() as conn:
        return [_action(row) for row in conn.execute(_scoped(query, agency_id))]


def add(db: Database, clock: Clock, who: Principal, *, period: Period, unsur: str, agency_id: str | None,
        what: str, responsible: str, due: date, evidence: str = "",
        status: ActionStatus = ActionStatus.PLANNED) -> SkmAction:
    """A new action for ``period``; its entry in the audit log is written with it."""
    now = clock.now()
    what, responsible, evidence = mask_niks(what), mask_niks(responsible), mask_niks(evidence)
    with locking_write(db) as conn:
        new_id = conn.execute(skm_actions.insert().values(
            period_from=period.first.isoformat(), period_to=period.last.isoformat(), unsur=unsur,
            agency_id=agency_id, what=what, who=responsible, due=due.isoformat(), status=status.value,
            evidence=evidence, made_by=who.name, updated_at=now).returning(A.id)).scalar_one()
        record(conn, at=now, actor=who, kind=AuditKind.SKM_ACTION_ADDED, subject=f"skm_action:{new_id}",
               detail={"unsur": unsur, "agency_id": agency_id, "what": what, "who": responsible,
                       "due": due.isoformat(), "period": f"{period.first}..{period.last}"})
        row = conn.execute(select(skm_actions).where(A.id == new_id)).one()
    return _action(row)


def change(db: Database, clock: Clock, who: Principal, action_id: int, *, status: ActionStatus | None,
           evidence: str | None) -> SkmAction:
    """A new status or evidence note for an action; a change to neither records nothing."""
    now = clock.now()
    with locking_write(db) as conn:
        row = conn.execute(select(skm_actions).where(A.id == action_id).with_for_update()).one_or_none()
        if row is None:
            raise ApiError(404, ErrorCode.SKM_ACTION_NOT_FOUND, f"There is no follow-up action {action_id}.",
                           id=action_id)
        values: dict[str, str] = {}
        detail: dict[str, str] = {}
        if status is not None and status.value != row.status:
            values["status"] = status.value
            detail.update({"from": row.status, "to": status.value})
        if evidence is not None and mask_niks(evidence) != (row.evidence or ""):
            values["evidence"] = detail["evidence"] = mask_niks(evidence)
        if values:
            conn.execute(update(skm_actions).where(A.id == action_id).values(**values, updated_at=now))
            record(conn, at=now, actor=who, kind=AuditKind.SKM_ACTION_UPDATED, subject=f"skm_action:{action_id}",
                   detail={"unsur": row.unsur, **detail})
        row = conn.execute(select(skm_actions).where(A.id == action_id)).one()
    return _action(row)


def statuses(actions: Sequence[SkmAction]) -> dict[ActionStatus, int]:
    """How many actions stand at each status: the report's one-line summary of the follow-up."""
    counts = dict.fromkeys(ActionStatus, 0)
    for action in actions:
        counts[action.status] += 1
    return counts
