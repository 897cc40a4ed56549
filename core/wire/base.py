"""What every wire model shares: frozen, tolerant of fields a newer server adds, and times written
the way the server has always written them."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Annotated, Any, Self

from pydantic import BaseModel, ConfigDict, PlainSerializer

# Python's isoformat ("+00:00"), not pydantic's "Z": the answers stay byte for byte what they were.
WireDateTime = Annotated[datetime, PlainSerializer(lambda value: value.isoformat(), return_type=str)]


class WireModel(BaseModel):
    # extra="ignore": an older app keeps working when a newer server adds a field.
    model_config = ConfigDict(frozen=True, extra="ignore")

    @classmethod
    def from_json(cls, data: Any) -> Self:
        """``model_validate`` under the name the apps' parsers have always had."""
        return cls.model_validate(data)


def fall_back(data: Any, *pairs: tuple[str, str]) -> Any:
    """``data`` with each empty ``field`` taken from ``source`` (``(field, source)`` pairs): the
    server may leave an English name or short name out, and the apps then show the main one."""
    if not isinstance(data, Mapping):
        return data
    filled = dict(data)
    for name, source in pairs:
        if not filled.get(name) and source in filled:
            filled[name] = filled[source]
    return filled


def none_if_empty(data: Any, *names: str) -> Any:
    """``{}`` where a reference may be null reads as null, as the hand-written parser did."""
    if isinstance(data, Mapping) and any(not data.get(n) and n in data for n in names):
        return {**data, **{n: None for n in names if not data.get(n)}}
    return data
