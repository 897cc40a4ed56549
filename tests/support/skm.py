"""Survey answers stored as the intake stores them, for tests and benches of the SKM figures: each row
copied from a ticket that really reached done (its service, agency, loket and officer)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, datetime

from sqlalchemy import select

from core.survey import Unsur
from server.catalog import SiteCatalog
from server.db import Database, survey_responses, tickets


def answer(db: Database, cat: SiteCatalog, code: str, scores: Sequence[int] | Mapping[Unsur, int], *,
           gender: str = "perempuan", education: str = "sma", occupation: str = "swasta", age: int | None = 30,
           comment: str | None = None, channel: str = "phone") -> None:
    """The ticket ``code`` (served) answers with ``scores``: nine in Unsur order, or by unsur."""
    by_unsur = dict(scores) if isinstance(scores, Mapping) else dict(zip(Unsur, scores, strict=True))
    with db.write() as conn:
        t = conn.execute(select(tickets).where(tickets.c.code == code)).one()
        assert t.status == "done", f"{code} is {t.status}, not served"
        conn.execute(survey_responses.insert().values(
            ticket_id=t.id, service_date=t.service_date, answered_at=datetime.now(UTC), channel=channel,
            agency_id=cat.services[t.service_id].agency_id, service_id=t.service_id, counter_id=t.counter_id,
            served_by=t.served_by, gender=gender, education=education, occupation=occupation, age=age,
            comment=comment, **{f"u_{u.value}": by_unsur[u] for u in Unsur}))
