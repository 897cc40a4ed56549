"""Names with markup in them, for the tests that every label shows data as written: a catalog whose
site, agencies, services, lokets and running text carry ``<b>``, ``<img src=…>``, ``<a href=…>`` and
``&amp;``, and a walk over a window's labels that names each one Qt would render as HTML."""

from __future__ import annotations

import contextlib
import tomllib
from collections.abc import Iterator
from pathlib import Path

import tomli_w
from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel, QWidget

from server.auth import Role
from tests.support.clock import SettableClock
from tests.support.server import PASSWORD, TEST_CATALOG, LiveServer, live_server

BOLD = "<b>tebal</b>"
IMAGE = '<img src="x">'
LINK = '<a href="http://example.invalid/">tautan</a>'
ENTITY = "&amp;"

SITE = f"MPP {BOLD} {ENTITY} Serang"
AGENCY = f"Dinas {IMAGE} Dukcapil"
AGENCY_SHORT = f"Duk {BOLD}"
SERVICE = f"KTP {LINK} {ENTITY}"
SERVICE_KK = f"Kartu {IMAGE} & Keluarga {BOLD}"
LOKET = f"Loket {BOLD} & 1"
RUNNING = f"Selamat {LINK} datang {ENTITY}"
STAFF = f"Budi {BOLD} {ENTITY}"
DEVICE = f"Kios {IMAGE} {ENTITY}"
MARKUP = (SITE, AGENCY, AGENCY_SHORT, SERVICE, SERVICE_KK, LOKET, RUNNING, STAFF, DEVICE)


def hostile_catalog(folder: Path) -> Path:
    """The test catalog with markup in every name a screen shows."""
    data = tomllib.loads(TEST_CATALOG.read_text(encoding="utf-8"))
    data["site"].update(name=SITE, short_name=SITE, running_text=RUNNING)
    dukcapil = next(a for a in data["agencies"] if a["id"] == "dukcapil")
    dukcapil.update(name=AGENCY, short_name=AGENCY_SHORT, name_en=AGENCY)
    for service in dukcapil["services"]:
        if service["id"] == "ktp":
            service.update(name=SERVICE, name_en=SERVICE)
        if service["id"] == "kk":
            service.update(name=SERVICE_KK)
    next(lk for lk in data["lokets"] if lk["id"] == 1)["name"] = LOKET
    path = folder / "markup-catalog.toml"
    path.write_text(tomli_w.dumps(data), encoding="utf-8")
    return path


@contextlib.contextmanager
def markup_server(tmp_path: Path, clock: SettableClock) -> Iterator[LiveServer]:
    """The real server with that catalog, its staff1 called ``STAFF``."""
    with live_server(tmp_path, clock=clock, catalog=hostile_catalog(tmp_path)) as live:
        live.services.accounts.add_user("staff1", PASSWORD, Role.STAFF, display_name=STAFF)
        # Writing the account over ends its sign-ins, as a password reset must: sign in again.
        live.tokens["staff1"] = live.tokens["staff"] = live.login("staff1")
        yield live


def rich_labels(*roots: QWidget) -> list[str]:
    """Every label under ``roots`` that Qt would render as HTML (AutoText or RichText). No static
    text of the apps needs markup, so there is no exception to this."""
    return [f"{label.objectName() or type(label).__name__} under {type(label.parentWidget()).__name__}: "
            f"{label.textFormat().name} {label.text()!r}"
            for root in roots for label in [*([root] if isinstance(root, QLabel) else []), *root.findChildren(QLabel)]
            if label.textFormat() != Qt.TextFormat.PlainText]


def labels_showing(root: QWidget, text: str) -> list[QLabel]:
    """The labels under ``root`` whose text contains ``text`` as written."""
    return [label for label in root.findChildren(QLabel) if text in label.text()]


def tooltip_reads(tooltip: str) -> str:
    """What a tooltip shows: Qt renders it as HTML when it looks like HTML."""
    if not QtGui.Qt.mightBeRichText(tooltip):
        return tooltip
    doc = QTextDocument()
    doc.setHtml(tooltip)
    return doc.toPlainText()
