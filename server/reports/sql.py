"""SQL expressions the reports share, spelled as each database spells them."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func
from sqlalchemy.sql.elements import ColumnElement


def seconds_between(sqlite: bool, start: Any, end: Any) -> ColumnElement[Any]:
    """The seconds from one moment column to another."""
    if sqlite:
        return (func.julianday(end) - func.julianday(start)) * 86400.0
    return func.extract("epoch", end - start)
