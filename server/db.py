"""The database schema and engine: SQLite (WAL, one writer at a time) or PostgreSQL.

SQLAlchemy Core: the queue engine writes plain statements whose locking it can reason about.
"""

from __future__ import annotations

import contextlib
import os
import threading
import time
from collections.abc import Iterator
from datetime import UTC
from pathlib import Path
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    UniqueConstraint,
    create_engine,
    event,
    inspect,
    text,
)
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.types import TypeDecorator

from core.survey import COMMENT_MAX, Unsur
from server.storage import Fault, StorageStatus

metadata = MetaData()


class UtcDateTime(TypeDecorator):
    """Stores UTC and always gives back an aware UTC datetime, on SQLite as on PostgreSQL."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the database")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)

catalogs = Table(
    "catalogs", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("imported_at", UtcDateTime(), nullable=False),
    Column("source", String(500), nullable=False),
    Column("document", JSON, nullable=False),
    # Who stored it: a staff member's username, "cli" for the command line; None before this was kept.
    Column("made_by", String(64)),
)

sequences = Table(
    "sequences", metadata,
    # "ticket:A:2026-11-23" or "events"; bumped with an upsert so numbers never repeat.
    Column("name", String(100), primary_key=True),
    Column("value", BigInteger, nullable=False),
)

tickets = Table(
    "tickets", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("code", String(20), nullable=False),
    Column("prefix", String(4), nullable=False),
    Column("seq", Integer, nullable=False),
    Column("service_date", String(10), nullable=False),  # site-local ISO date
    Column("service_id", String(64), nullable=False),
    Column("origin_service_id", String(64), nullable=False),
    Column("status", String(16), nullable=False),
    Column("priority", String(16)),
    Column("token", String(64), nullable=False, unique=True),
    Column("issued_at", UtcDateTime(), nullable=False),
    Column("queued_at", UtcDateTime(), nullable=False),
    Column("called_at", UtcDateTime()),
    Column("started_at", UtcDateTime()),
    Column("finished_at", UtcDateTime()),
    Column("counter_id", Integer),
    Column("served_by", String(64)),
    Column("recalls", Integer, nullable=False, default=0),
    Column("transfers", Integer, nullable=False, default=0),
    Column("issuer", String(80), nullable=False),       # "device:3" or "user:admin"
    Column("idempotency_key", String(100), nullable=False),
    Column("request_digest", String(64), nullable=False),
    Column("nik_hash", String(64)),
    Column("nik_last4", String(4)),
    Column("print_status", String(16)),
    Column("print_reason", String(200)),
    # A transfer may send the ticket to one named loket, which alone calls it while it is open, and
    # leave a note for the officer there (staff data: never sent to a device or the citizen's page).
    Column("target_counter_id", Integer),
    Column("transfer_note", String(200)),
    # The booking whose check-in issued it (bookings.id); None for a walk-in.
    Column("booking_id", Integer),
    UniqueConstraint("prefix", "service_date", "seq", name="uq_ticket_number"),
    UniqueConstraint("issuer", "idempotency_key", name="uq_ticket_idempotency"),
    # Covers "who waits before this ticket": the count never touches the table rows.
    Index("ix_ticket_queue", "service_date", "service_id", "status", "queued_at", "id", "priority"),
    # The tickets sent to a named loket, found when it closes: partial, so a ticket sent to no loket
    # (nearly all, and every new one) adds nothing to write.
    Index("ix_ticket_target", "target_counter_id", "status",
          sqlite_where=text("target_counter_id IS NOT NULL"), postgresql_where=text("target_counter_id IS NOT NULL")),
    # A code is found by its prefix and number through uq_ticket_number: one index fewer to
    # write on every ticket.
)

counters = Table(
    "counters", metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),  # the loket number
    Column("name", String(80), nullable=False),
    Column("service_ids", JSON, nullable=False),         # what the catalog says it can serve
    Column("active_service_ids", JSON, nullable=False),  # what it serves since it was opened
    Column("state", String(16), nullable=False),
    Column("staff", String(64)),
    Column("current_ticket_id", Integer),
    Column("pause_reason", String(200)),
    Column("regular_streak", Integer, nullable=False, default=0),
    Column("updated_at", UtcDateTime(), nullable=False),
    Column("retired", Boolean, nullable=False, default=False),
    Column("pause_until", UtcDateTime()),  # a paused loket's expected return, if its officer said
)

events = Table(
    "events", metadata,
    Column("seq", BigInteger, primary_key=True, autoincrement=False),
    Column("type", String(40), nullable=False),
    Column("at", UtcDateTime(), nullable=False),
    Column("data", JSON, nullable=False),
)

users = Table(
    "users", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("username", String(64), nullable=False, unique=True),
    Column("display_name", String(120), nullable=False),
    Column("password_hash", String(255), nullable=False),
    Column("role", String(16), nullable=False),
    Column("active", Boolean, nullable=False, default=True),
    Column("failed_logins", Integer, nullable=False, default=0),
    Column("locked_until", UtcDateTime()),
    Column("created_at", UtcDateTime(), nullable=False),
    Column("last_login_at", UtcDateTime()),
    # Set for an account an admin created or reset: its password is known to someone else.
    Column("must_change_password", Boolean),
)

devices = Table(
    "devices", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("name", String(80), nullable=False, unique=True),
    Column("kind", String(16), nullable=False),
    Column("token_hash", String(64), unique=True),
    Column("enroll_code_hash", String(64), unique=True),
    Column("enroll_expires_at", UtcDateTime()),
    Column("enrolled_at", UtcDateTime()),
    Column("revoked", Boolean, nullable=False, default=False),
    Column("locked", Boolean, nullable=False, default=False),
    Column("last_seen_at", UtcDateTime()),
    Column("last_state", JSON),
    Column("created_at", UtcDateTime(), nullable=False),
)

staff_tokens = Table(
    "staff_tokens", metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("user_id", Integer, nullable=False),
    Column("expires_at", UtcDateTime(), nullable=False),
    Column("revoked", Boolean, nullable=False, default=False),
    # One sign-in and its renewals share a session: logging out ends them all. Nullable, as
    # columns added to an existing database must be (tokens of earlier builds have none).
    Column("session_id", String(64), index=True),
    # Set once a token has been renewed: it lives two more minutes and cannot be renewed again.
    Column("renewed", Boolean),
    # When the sign-in began: however often it is renewed, it ends 12 hours after that.
    Column("signed_in_at", UtcDateTime()),
)


# Who changed the office's data (staff, devices, today's switches, the catalog) and the lokets and
# tickets by a manager's hand, and when: written in the same transaction as the change (server/audit.py).
audit_log = Table(
    "audit_log", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", UtcDateTime(), nullable=False),
    Column("actor", String(80), nullable=False),       # a username, a device name, or "cli"
    Column("actor_role", String(16), nullable=False),
    Column("kind", String(40), nullable=False),        # core.wire.AuditKind
    Column("subject", String(120), nullable=False),    # what it was done to: "user:budi", "service:A", …
    Column("detail", JSON, nullable=False),
    Index("ix_audit_at", "at"),
)


# The office's switches for one service day (server/engine/today.py): a service closed, a quota in
# place of the catalog's, an agency's tickets stopped, the boards' running text. Keyed by the day,
# so the next day starts with none; a cleared switch is a deleted row.
day_switches = Table(
    "day_switches", metadata,
    Column("service_date", String(10), primary_key=True),   # site-local ISO date
    Column("kind", String(24), primary_key=True),           # service_closed, quota, agency_stopped, running_text
    Column("subject", String(64), primary_key=True),        # a service or agency id; "" for the running text
    Column("value", JSON, nullable=False),                  # {"note": …}, {"quota": n}, {"text": …}
    Column("set_by", String(80), nullable=False),
    Column("set_at", UtcDateTime(), nullable=False),
)



# Messages to citizens and to other systems (server/notify/): a row is written in the same transaction
# as the change it tells of, and a worker sends it afterwards with retries, so a message is never sent
# for a change that was rolled back nor lost when the server stops between the two.
outbox = Table(
    "outbox", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("made_at", UtcDateTime(), nullable=False),
    Column("service_date", String(10), nullable=False),   # the site-local day the message belongs to
    Column("channel", String(16), nullable=False),        # "whatsapp" or "webhook"
    Column("recipient", String(20)),                      # a phone number in 62… form; NULL once the day closed
    Column("template", String(40), nullable=False),       # what it tells: server/notify/texts.py
    Column("language", String(2), nullable=False),
    Column("params", JSON, nullable=False),               # the template's values; never a whole NIK
    Column("status", String(8), nullable=False),          # pending, sent, dead
    Column("attempts", Integer, nullable=False, default=0),
    Column("next_attempt_at", UtcDateTime(), nullable=False),
    Column("claimed_until", UtcDateTime()),               # a sender is on it until then
    Column("sent_at", UtcDateTime()),
    Column("provider_ref", String(120)),
    Column("last_error", String(300)),
    # The booking a message tells of (its reminders are removed when it is cancelled or checked in).
    Column("booking_id", Integer),
    Index("ix_outbox_due", "status", "next_attempt_at"),
    # A booking's change finds its messages still pending among every message ever sent.
    Index("ix_outbox_booking", "booking_id"),
    # A row's id is its key at the provider and the webhook's receiver (anjungan-msg-ID): SQLite must never
    # hand the id of a removed reminder to a new message, which the receiver would drop as a repeat.
    sqlite_autoincrement=True,
)


# A citizen's own request, from their ticket's status page, to be told on WhatsApp when their turn is near
# and when they are called. Kept only for the ticket's day (server/notify/ticket_watch.py deletes the rows
# of closed days), never with a name or NIK.
ticket_contacts = Table(
    "ticket_contacts", metadata,
    Column("ticket_id", Integer, primary_key=True, autoincrement=False),
    Column("service_date", String(10), nullable=False),
    Column("phone", String(20), nullable=False),           # 62… form
    Column("language", String(2), nullable=False),
    Column("made_at", UtcDateTime(), nullable=False),
    Column("changes", Integer, nullable=False, default=1),  # how often the number was set: capped
    Column("near_told", Boolean, nullable=False, default=False),
    Index("ix_ticket_contacts_day", "service_date"),
)

# One answer of the Survei Kepuasan Masyarakat per served ticket (server/engine/survey.py): the unique
# ticket_id is the guard against a second answer. Where it was served is copied from the ticket, so a
# report groups answers without a join; nothing here names the citizen.
survey_responses = Table(
    "survey_responses", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("ticket_id", Integer, nullable=False, unique=True),
    Column("service_date", String(10)),                 # the ticket's site-local ISO date
    Column("answered_at", UtcDateTime(), nullable=False),
    Column("channel", String(16), nullable=False),      # phone, kiosk, tablet
    Column("agency_id", String(64), nullable=False),
    Column("service_id", String(64), nullable=False),   # the service that served it
    Column("counter_id", Integer),                      # the loket that finished it
    Column("served_by", String(64)),                    # the officer's username
    Column("gender", String(16), nullable=False),
    Column("education", String(16), nullable=False),
    Column("occupation", String(16), nullable=False),
    Column("age", Integer),
    *(Column(f"u_{unsur.value}", Integer, nullable=False) for unsur in Unsur),
    Column("comment", String(COMMENT_MAX)),
    Column("extra", JSON),                              # the site's own questions: {id: value}, never the IKM
    Index("ix_survey_date", "service_date"),
    Index("ix_survey_agency_date", "agency_id", "service_date"),
    Index("ix_survey_service_date", "service_id", "service_date"),
)

# The SKM's follow-up actions (rencana tindak lanjut, server/skm/actions.py): what is done about an
# unsur after a period's survey, by whom and by when, and where it stands; the next period's report
# shows them with their status.
skm_actions = Table(
    "skm_actions", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("period_from", String(10), nullable=False),  # the survey period it follows up, ISO dates
    Column("period_to", String(10), nullable=False),
    Column("unsur", String(16), nullable=False),        # core.survey.Unsur
    Column("agency_id", String(64)),                    # None: the whole site
    Column("what", String(500), nullable=False),
    Column("who", String(120), nullable=False),
    Column("due", String(10), nullable=False),
    Column("status", String(16), nullable=False),       # core.wire.ActionStatus
    Column("evidence", String(1000), nullable=False, default=""),
    Column("made_by", String(80), nullable=False),
    Column("updated_at", UtcDateTime(), nullable=False),
    Index("ix_skm_action_period", "period_to", "period_from"),
)


# A citizen's booking of a slot (server/engine/bookings.py): kept through every change (checked in,
# cancelled, no-show at day end) for audit and statistics. The NIK is never stored, only its keyed hash
# (core/nik.py) and last four digits; the phone number is NULLed when the day closes.
bookings = Table(
    "bookings", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("code", String(9), nullable=False, unique=True),     # core/booking_code.py: 8 random digits + check
    Column("token", String(64), nullable=False, unique=True),   # the secret of its link and QR
    Column("service_id", String(64), nullable=False),
    Column("service_date", String(10), nullable=False),         # site-local ISO date
    Column("slot_start", UtcDateTime(), nullable=False),
    Column("slot_end", UtcDateTime(), nullable=False),
    Column("nik_hash", String(64), nullable=False),
    Column("nik_last4", String(4), nullable=False),
    Column("phone", String(20)),                                # 62… form; NULL when none or the day closed
    Column("language", String(2), nullable=False),
    Column("consent_at", UtcDateTime()),
    Column("status", String(12), nullable=False),               # core.wire.BookingStatus
    Column("made_at", UtcDateTime(), nullable=False),
    Column("checked_in_at", UtcDateTime()),
    Column("cancelled_at", UtcDateTime()),
    Column("ticket_id", Integer),
    Column("made_by", String(80), nullable=False),              # "web", or "user:NAME" for staff booking
    Column("cancelled_by", String(80)),                         # NULL: the holder by the link; "user:NAME": staff
    Index("ix_booking_slot", "service_id", "service_date", "slot_start", "status"),
    Index("ix_booking_nik", "nik_hash", "service_date"),
)


storage_probe = Table(
    "storage_probe", metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("filler", LargeBinary, nullable=False),
)

# /health's probe writes more than a ticket does (a ticket touches a handful of pages): on a disk
# with room left only inside files SQLite already grew, a smaller probe would still fit and call
# the storage healthy while tickets are refused.
PROBE_BYTES = 64 * 1024
_PROBE = text("INSERT INTO storage_probe (id, filler) VALUES (1, :filler) "
              "ON CONFLICT (id) DO UPDATE SET filler = excluded.filler")


def _add_missing_columns(conn: Connection) -> None:
    """Bring a database made by an earlier build up to date: ``create_all`` makes missing tables
    but never alters an existing one. Only nullable columns are ever added to a table."""
    existing = inspect(conn)
    for table in metadata.sorted_tables:
        if not existing.has_table(table.name):
            continue
        have = {c["name"] for c in existing.get_columns(table.name)}
        for column in table.columns:
            if column.name not in have:
                kind = column.type.compile(dialect=conn.dialect)
                conn.exec_driver_sql(f"ALTER TABLE {table.name} ADD COLUMN {column.name} {kind}")
                for index in table.indexes:
                    if column.name in index.columns:
                        index.create(conn, checkfirst=True)


def default_sqlite_path(data_dir: Path) -> Path:
    """Where the server keeps its SQLite database when no --database is given."""
    return data_dir / "anjungan.sqlite3"


def default_sqlite_url(data_dir: Path) -> str:
    data_dir.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{default_sqlite_path(data_dir)}"


def make_engine(url: str) -> Engine:
    """An engine with the pragmas and pool that make each backend safe under concurrency."""
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url[len("postgresql://"):]
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False},
                               pool_size=20, max_overflow=20)

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):
            # Let SQLAlchemy, not the sqlite3 module, decide when transactions begin.
            dbapi_conn.isolation_level = None
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            # FULL: a ticket a citizen holds survives a power cut as well as a crash.
            cur.execute("PRAGMA synchronous=FULL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=30000")
            # No checkpoint inside a commit: a checkpoint's scattered writes and fsync stalled the
            # commit that ran it (p99 issue latency 15–338 ms from run to run, 6–15 ms without).
            # server/checkpointer.py copies the log back on a thread and connection of its own.
            cur.execute("PRAGMA wal_autocheckpoint=0")
            cur.close()

        return engine
    return create_engine(url, pool_size=20, max_overflow=20, pool_pre_ping=True)


class Database:
    """The engine plus the two ways in: ``read()`` and ``write()`` transactions."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = make_engine(url)
        self.is_sqlite = self.engine.dialect.name == "sqlite"
        # One writer at a time inside this process: waiting on a lock is fairer and far faster
        # than SQLite's busy-retry sleeps.
        self.write_lock = threading.Lock() if self.is_sqlite else None
        self._writer: Connection | None = None
        self.storage = StorageStatus()
        self.last_write_at = time.monotonic()  # the checkpointer restarts the log only after a quiet spell

    def create_schema(self) -> None:
        metadata.create_all(self.engine)
        with self.engine.connect() as conn, conn.begin():
            _add_missing_columns(conn)
            # Databases made by earlier builds carry an index by code that nothing reads now.
            conn.exec_driver_sql("DROP INDEX IF EXISTS ix_ticket_code")

    @contextlib.contextmanager
    def read(self) -> Iterator[Connection]:
        with self._transaction("BEGIN") as conn:
            yield conn

    @contextlib.contextmanager
    def write(self) -> Iterator[Connection]:
        """A write transaction; its outcome tells ``storage`` whether the disk takes writes."""
        try:
            with self._write_transaction() as conn:
                yield conn
        except Exception as exc:
            self.storage.failed(exc)
            raise
        self.last_write_at = time.monotonic()
        self.storage.wrote()

    def probe_storage(self) -> Fault | None:
        """Whether the database takes a write now: one real write, larger than a ticket's."""
        with contextlib.suppress(Exception):  # what failed is recorded in ``storage``
            with self.write() as conn:
                conn.execute(_PROBE, {"filler": os.urandom(PROBE_BYTES)})
        return self.storage.fault

    @contextlib.contextmanager
    def _write_transaction(self) -> Iterator[Connection]:
        if self.write_lock is None:
            with self._transaction("BEGIN") as conn:
                yield conn
            return
        # Writers take SQLite's lock up front, so two never deadlock upgrading a read lock.
        with self.write_lock:
            conn = self._writer_connection()
            try:
                with conn.begin():
                    conn.exec_driver_sql("BEGIN IMMEDIATE")
                    yield conn
            except BaseException:
                self._release_writer(conn)
                raise

    def _release_writer(self, conn: Connection) -> None:
        """After a failed write the kept connection must not stay inside a transaction: should the
        rollback fail too (an I/O error on a failing disk), every later BEGIN would fail and the
        server would stay wedged after the disk is back. Roll back, or give the connection up."""
        try:
            driver: Any = conn.connection.driver_connection
            if driver.in_transaction:
                driver.rollback()
            if not driver.in_transaction:
                return
        except Exception:  # noqa: BLE001 - the connection is given up below
            pass
        self._writer = None
        with contextlib.suppress(Exception):
            conn.invalidate()
            conn.close()

    def _writer_connection(self) -> Connection:
        """SQLite's one writer keeps one connection: its page cache stays warm from one write to
        the next (a pooled connection that another one wrote past starts cold), and no write
        pays for a pool check-out. Used under the write lock only."""
        conn = self._writer
        if conn is None or conn.closed or conn.invalidated:
            conn = self._writer = self.engine.connect()
        return conn

    @contextlib.contextmanager
    def _transaction(self, begin: str) -> Iterator[Connection]:
        # SQLite's BEGIN is sent here rather than from an engine "begin" listener: any engine
        # listener makes SQLAlchemy dispatch events on every statement, a cost on the hot path.
        with self.engine.connect() as conn, conn.begin():
            if self.is_sqlite:
                conn.exec_driver_sql(begin)
            yield conn

    def dispose(self) -> None:
        if self._writer is not None:
            self._writer.close()
            self._writer = None
        self.engine.dispose()
