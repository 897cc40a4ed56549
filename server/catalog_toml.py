"""A catalog document written back as TOML, for the console's export: the file an admin downloads reads
back through ``load_catalog_file`` to the same document. The document is what parse_catalog keeps (tables,
arrays of tables, text, numbers, true/false, lists; dates as ISO text), so a small writer covers it."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from typing import Any

_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")


def _key(key: str) -> str:
    return key if _BARE_KEY.match(key) else _string(key)


def _string(text: str) -> str:
    """A TOML basic string: JSON's escapes are TOML's, except DEL, which TOML wants escaped too."""
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, list):
        return "[" + ", ".join(_value(item) for item in value) + "]"
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{_key(str(k))} = {_value(v)}" for k, v in value.items()) + "}"
    raise TypeError(f"a catalog document holds no {type(value).__name__}")


def _is_table_list(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(item, Mapping) for item in value)


def _table(path: str, table: Mapping[str, Any], lines: list[str]) -> None:
    """The table's plain values first, then its sub-tables, then its arrays of tables, as TOML requires."""
    for key, value in table.items():
        if not isinstance(value, Mapping) and not _is_table_list(value):
            lines.append(f"{_key(str(key))} = {_value(value)}")
    for key, value in table.items():
        if isinstance(value, Mapping):
            name = f"{path}.{_key(str(key))}" if path else _key(str(key))
            lines.extend(["", f"[{name}]"])
            _table(name, value, lines)
    for key, value in table.items():
        if _is_table_list(value):
            name = f"{path}.{_key(str(key))}" if path else _key(str(key))
            for item in value:
                lines.extend(["", f"[[{name}]]"])
                _table(name, item, lines)


def dumps(document: Mapping[str, Any], heading: str = "") -> str:
    lines = [f"# {line}" for line in heading.splitlines()]
    _table("", document, lines)
    return "\n".join(lines).lstrip("\n") + "\n"
