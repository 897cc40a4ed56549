"""The demo catalog with its limits lifted, for benches that issue thousands of tickets."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import tomli_w

DEMO = Path(__file__).resolve().parents[1] / "resources" / "catalog" / "mpp-serang.toml"


def unlimited_catalog(path: Path, **site: Any) -> Path:
    """Writes the demo catalog to ``path`` with every service active, a quota no bench reaches and
    no wait before a no-show; ``site`` overrides site settings (e.g. ``allow_priority=False``)."""
    doc = tomllib.loads(DEMO.read_text())
    # The benches call and mark no-show at once, thousands of times: no wait before a no-show.
    doc["site"]["no_show_after_minutes"] = 0
    doc["site"].update(site)
    for agency in doc["agencies"]:
        for service in agency["services"]:
            service["quota"] = 1_000_000
            service["active"] = True
    path.write_text(tomli_w.dumps(doc))
    return path
