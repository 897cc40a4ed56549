"""Receipt content as data: a ticket plus the site's branding become a tuple of layout blocks.

Renderers (ESC/POS, PDF) only place these blocks; wording and formatting are decided here, and
every text a receipt holds is made printable here (see printing.safe_text), once for all renderers.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from core.models import Site, Ticket
from core.ui_text import clock_time, pick
from printing import strings
from printing.priority_labels import printed_name
from printing.safe_text import printable


@dataclass(frozen=True)
class Branding:
    """What the site prints on every ticket: its name, clock, optional logo and footer lines."""

    name: str
    short_name: str = ""
    timezone: str = "Asia/Jakarta"
    tz_label: str = "WIB"
    logo_path: Path | None = None
    footer: tuple[str, ...] = ()
    footer_en: tuple[str, ...] = ()  # an English receipt's footer; empty: ``footer`` is printed

    @classmethod
    def from_site(cls, site: Site, *, logo_path: Path | None = None,
                  footer: tuple[str, ...] = (), footer_en: tuple[str, ...] = ()) -> Branding:
        return cls(name=site.name, short_name=site.short_name, timezone=site.timezone,
                   tz_label=site.tz_label, logo_path=logo_path, footer=tuple(footer), footer_en=tuple(footer_en))

    def footer_in(self, lang: str) -> tuple[str, ...]:
        """The footer lines of a receipt in ``lang``: the English ones when given, else the Indonesian."""
        return self.footer_en if lang == "en" and self.footer_en else self.footer


@dataclass(frozen=True)
class Logo:
    path: Path


@dataclass(frozen=True)
class Heading:
    """Bold, centred, wrapped: the MPP's name."""

    text: str


@dataclass(frozen=True)
class Line:
    """A centred paragraph, wrapped at word boundaries."""

    text: str
    bold: bool = False


@dataclass(frozen=True)
class BigCode:
    """The ticket code in the largest type that fits the paper."""

    code: str


@dataclass(frozen=True)
class Rule:
    """A dashed separator across the paper."""


@dataclass(frozen=True)
class Rows:
    """Label/value pairs with their values aligned in one column."""

    rows: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Bullets:
    title: str
    items: tuple[str, ...]


@dataclass(frozen=True)
class QrCode:
    data: str
    caption: str


Block = Logo | Heading | Line | BigCode | Rule | Rows | Bullets | QrCode


def _printable_block(block: Block) -> Block:
    if isinstance(block, (Heading, Line)):
        return replace(block, text=printable(block.text))
    if isinstance(block, BigCode):
        return replace(block, code=printable(block.code))
    if isinstance(block, Rows):
        return replace(block, rows=tuple((printable(label), printable(value)) for label, value in block.rows))
    if isinstance(block, Bullets):
        return replace(block, title=printable(block.title), items=tuple(map(printable, block.items)))
    if isinstance(block, QrCode):
        return replace(block, data=printable(block.data), caption=printable(block.caption))
    return block


@dataclass(frozen=True)
class Receipt:
    """What every renderer takes: its texts hold no control character, however it was built."""

    code: str
    lang: str
    issued_local: datetime
    blocks: tuple[Block, ...] = field(default=())

    def __post_init__(self) -> None:
        object.__setattr__(self, "code", printable(self.code))
        object.__setattr__(self, "blocks", tuple(map(_printable_block, self.blocks)))

    @property
    def qr_data(self) -> str | None:
        return next((b.data for b in self.blocks if isinstance(b, QrCode)), None)


def format_local_time(moment: datetime, branding: Branding, lang: str) -> str:
    """``23-11-2026 08.15 WIB``: the site's local time; Indonesian writes the time with a dot."""
    local = moment.astimezone(ZoneInfo(branding.timezone))
    clock = local.strftime("%H.%M" if lang == "id" else "%H:%M")
    label = f" {branding.tz_label}" if branding.tz_label else ""
    return f"{local:%d-%m-%Y} {clock}{label}"


def format_wait(minutes: int, lang: str, unknown: str | None = None) -> str:
    """The estimate, or why there is none (the server's ``wait_unknown``), never an invented "soon"."""
    if unknown is not None:
        return strings.text(str(unknown), lang)
    if minutes <= 0:
        return strings.text("soon", lang)
    if minutes < 60:
        return strings.text("minutes", lang, m=minutes)
    hours, rest = divmod(minutes, 60)
    if rest == 0:
        return strings.text("whole_hours", lang, h=hours)
    return strings.text("hours", lang, h=hours, m=rest)


def format_people(count: int, lang: str) -> str:
    return strings.text("person" if count == 1 else "people", lang, n=count)


def build_receipt(ticket: Ticket, branding: Branding, lang: str = "id", *,
                  show_requirements: bool = True, max_requirements: int = 5) -> Receipt:
    """The blocks of one queue ticket, top to bottom, in ``lang`` ("id" or "en")."""
    strings.check_language(lang)

    def t(key: str, **params: object) -> str:
        return strings.text(key, lang, **params)

    blocks: list[Block] = []
    if branding.logo_path is not None:
        blocks.append(Logo(Path(branding.logo_path)))
    blocks += [Heading(branding.name), Rule(), Line(pick(lang, ticket.agency_name, ticket.agency_name_en)),
               Line(pick(lang, ticket.service_name, ticket.service_name_en), bold=True), Line(t("queue_number")),
               BigCode(ticket.code)]
    if ticket.priority is not None:
        blocks.append(Line(t("priority", group=printed_name(ticket.priority, lang)), bold=True))
    if ticket.booked_for:
        blocks.append(Line(t("booked_for", time=clock_time(ticket.booked_for, lang)), bold=True))
    rows = [(t("time"), format_local_time(ticket.issued_at, branding, lang)),
            (t("ahead"), format_people(ticket.people_ahead, lang)),
            (t("wait"), format_wait(ticket.eta_minutes, lang, ticket.wait_unknown))]
    if ticket.lokets:
        rows.append((t("loket"), ", ".join(ticket.lokets)))
    blocks += [Rule(), Rows(tuple(rows))]
    requirements = ticket.requirements_en if lang == "en" and ticket.requirements_en else ticket.requirements
    if show_requirements and requirements:
        items = list(requirements[:max_requirements])
        extra = len(requirements) - len(items)
        if extra > 0:
            items.append(t("more_requirements", n=extra))
        blocks += [Rule(), Bullets(t("requirements"), tuple(items))]
    if ticket.status_url:
        blocks += [Rule(), QrCode(ticket.status_url, t("scan"))]
    blocks += [Rule(), Line(t("footer_wait")), Line(t("footer_valid"))]
    blocks += [Line(text) for text in branding.footer_in(lang)]
    local = ticket.issued_at.astimezone(ZoneInfo(branding.timezone))
    return Receipt(code=ticket.code, lang=lang, issued_local=local, blocks=tuple(blocks))
