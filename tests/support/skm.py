"""A served ticket answers the SKM survey through the survey's own intake (server/engine/survey.py), as
the phone's page does, without HTTP: for the engine-level tests of the SKM figures and the screenshots."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from sqlalchemy import select

from core.survey import Unsur
from server.db import tickets
from server.engine import QueueEngine
from server.engine.survey import Reply


def answer(engine: QueueEngine, code: str, scores: Sequence[int] | Mapping[Unsur, int], *,
           gender: str = "perempuan", education: str = "sma", occupation: str = "swasta", age: int | None = 30,
           comment: str | None = None, channel: str = "phone") -> None:
    """The ticket ``code`` (served) answers with ``scores``: nine in Unsur order, or by unsur."""
    by_unsur = dict(scores) if isinstance(scores, Mapping) else dict(zip(Unsur, scores, strict=True))
    with engine.db.read() as conn:
        token = conn.execute(select(tickets.c.token).where(tickets.c.code == code)).scalar_one()
    form = engine.survey.by_token(token)
    engine.survey.answer(Reply(ref=form.ref, channel=channel, answers={u.value: s for u, s in by_unsur.items()},
                               gender=gender, education=education, occupation=occupation, age=age, comment=comment))
