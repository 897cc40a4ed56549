"""An audit entry in a reader's words: the time in site time, the kind as a sentence, the subject by its
name in the catalog, and the detail as short phrases ("kuota 2000 → 10", "alasan: rapat").

Only what the entry holds is shown: the log itself never keeps a secret, and keeps a NIK typed into a
reason as its last four digits (server/audit.py)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from core import booking_code
from core.wire import AuditEntry, AuditKind, TicketStatus
from server.audit import CLI_ACTOR
from server.catalog import SiteCatalog

Texts = Callable[..., str]

# Detail keys a page shows as "label: value"; the rest are said in words below, or left out as the
# entry's own bookkeeping (ids already in its subject).
_LABELLED = ("reason", "note", "text", "display_name", "previous_staff", "issued", "service_date", "channel",
             "recipient", "slot", "nik_last4")
_LEFT_OUT = frozenset({"ticket_id", "was_active", "was_locked", "was_revoked", "loket", "template"})


@dataclass(frozen=True)
class ShownEntry:
    id: int
    at: str          # site time, with its zone's label
    actor: str
    actor_role: str  # an i18n key: the role, or the server's command line
    kind: str        # the kind in words, or the raw value for one this server does not know
    subject: str
    details: tuple[str, ...]


def kind_key(kind: str) -> str:
    return f"audit.kind.{kind}"


def shown(entry: AuditEntry, catalog: SiteCatalog, t: Texts, lang: str) -> ShownEntry:
    at = entry.at.astimezone(catalog.site.zone)
    role = "cli" if entry.actor == CLI_ACTOR else entry.actor_role
    role = role if role in ("staff", "supervisor", "admin", "cli") else "admin"
    kind = t(kind_key(entry.kind)) if entry.kind in set(AuditKind) else entry.kind
    role_key = "audit.role.cli" if role == "cli" else f"role.{role}"
    return ShownEntry(id=entry.id, at=f"{at:%Y-%m-%d %H:%M:%S} {catalog.site.tz_label}", actor=entry.actor,
                      actor_role=role_key, kind=kind, subject=subject_words(entry.subject, catalog, t, lang),
                      details=tuple(detail_words(entry.kind, entry.detail, catalog, t, lang)))


def subject_words(subject: str, catalog: SiteCatalog, t: Texts, lang: str) -> str:
    """``service:kk`` as "Layanan KTP-el (kk)", ``counter:3`` as "Loket 3", and so on."""
    what, _, ident = subject.partition(":")
    if what == "service":
        return t("audit.subject.service", name=_service_name(catalog, ident, lang))
    if what == "agency":
        agency = next((a for a in catalog.agencies if a.id == ident), None)
        name = (agency.name_en if lang == "en" else agency.name) if agency else ident
        return t("audit.subject.agency", name=name)
    if what == "counter":
        return t("audit.subject.counter", name=_loket_name(catalog, ident))
    if what in ("user", "device", "ticket", "notification"):
        return t(f"audit.subject.{what}", name=ident)
    if what == "booking":
        return t("audit.subject.booking", name=booking_code.shown(ident))
    if subject == "running_text":
        return t("audit.subject.running_text")
    return subject


def detail_words(kind: str, detail: Mapping[str, Any], catalog: SiteCatalog, t: Texts, lang: str) -> list[str]:
    words: list[str] = []
    said: set[str] = set()

    def say(text: str, *keys: str) -> None:
        words.append(text)
        said.update(keys)

    if "quota" in detail and "previous" in detail:
        say(t("audit.detail.quota", before=_quota(detail["previous"], t), after=_quota(detail["quota"], t)),
            "quota", "previous")
    if "catalog_quota" in detail:
        said.add("catalog_quota")
    if "from" in detail and "to" in detail:
        before, after = detail["from"], detail["to"]
        if kind == AuditKind.USER_ROLE_SET:
            before, after = _role(before, t), _role(after, t)
        say(t("audit.detail.change", before=before, after=after), "from", "to")
    if "role" in detail:
        say(t("audit.detail.role", role=_role(detail["role"], t)), "role")
    if "service_id" in detail:
        say(t("audit.detail.service", name=_service_name(catalog, str(detail["service_id"]), lang)), "service_id")
    if "to_service_id" in detail:
        say(t("audit.detail.to_service", name=_service_name(catalog, str(detail["to_service_id"]), lang)),
            "to_service_id")
    if "to_counter_id" in detail:
        say(t("audit.detail.to_counter", name=_loket_name(catalog, str(detail["to_counter_id"]))), "to_counter_id")
    if kind in (AuditKind.TICKET_REQUEUED, AuditKind.TICKET_TRANSFERRED, AuditKind.TICKET_CANCELLED) \
            and "from" in detail and "from" not in said:
        say(t("audit.detail.was", status=_status(str(detail["from"]), t)), "from")
    if detail.get("generated") is True:
        say(t("audit.detail.generated"), "generated")
    if detail.get("must_change_password") is True:
        say(t("audit.detail.must_change"), "must_change_password")
    if detail.get("was_required") is True:
        say(t("audit.detail.was_required"), "was_required")
    if "kind" in detail:
        say(t("audit.detail.device_kind", kind=detail["kind"]), "kind")
    if detail.get("replaces") is True:
        say(t("audit.detail.replaces"), "replaces")
    if "expires_at" in detail:
        say(t("audit.detail.expires", at=_local_time(detail["expires_at"], catalog)), "expires_at")
    said.update(("generated", "must_change_password", "was_required", "replaces"))
    for key in _LABELLED:
        if key in detail and key not in said and detail[key] not in (None, ""):
            say(t(f"audit.detail.{key}", value=_plain(detail[key])), key)
    for key, value in detail.items():
        if key not in said and key not in _LEFT_OUT and value not in (None, ""):
            words.append(f"{key}: {_plain(value)}")
    return words


def _service_name(catalog: SiteCatalog, service_id: str, lang: str) -> str:
    service = catalog.services.get(service_id)
    if service is None:
        return service_id
    return f"{service.name_en if lang == 'en' else service.name} ({service.prefix})"


def _loket_name(catalog: SiteCatalog, ident: str) -> str:
    loket = next((lk for lk in catalog.lokets if str(lk.id) == ident), None)
    return loket.name if loket else ident


def _role(value: Any, t: Texts) -> str:
    return t(f"role.{value}") if value in ("staff", "supervisor", "admin") else str(value)


def _status(value: str, t: Texts) -> str:
    return t(f"audit.status.{value}") if value in {s.value for s in TicketStatus} else value


def _quota(value: Any, t: Texts) -> str:
    return t("audit.detail.no_quota") if value is None else str(value)


def _local_time(value: Any, catalog: SiteCatalog) -> str:
    try:
        at = datetime.fromisoformat(str(value)).astimezone(catalog.site.zone)
    except ValueError:
        return str(value)
    return f"{at:%Y-%m-%d %H:%M} {catalog.site.tz_label}"


def _plain(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return ", ".join(_plain(item) for item in value)
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
