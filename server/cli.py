"""``python main.py server …``: run the server, or manage it from a shell on the server machine."""

from __future__ import annotations

import argparse
import gc
import ipaddress
import logging
import sys
from datetime import UTC, datetime, tzinfo
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, OperationalError

from core.logs import setup_logging
from core.paths import user_data_dir
from server.auth import Role
from server.catalog import DEMO_CATALOG, CatalogInvalid, load_catalog_file
from server.db import default_sqlite_path, default_sqlite_url
from server.notify.config import NotifyConfigInvalid
from server.reports import queue_cli
from server.settings import HttpLimits, SecretKeyInvalid, ServerSettings
from server.skm import cli as skm_cli

log = logging.getLogger(__name__)

NO_DATABASE = (
    "Tidak ada basis data di {path}; perintah ini tidak membuat yang baru. Tunjuk basis data server dengan "
    "--database URL (misalnya sqlite:////var/lib/anjungan/anjungan.sqlite3) atau ANJUNGAN_DATA_DIR, atau "
    "jalankan `python main.py server` sekali untuk membuatnya.\n"
    "No database at {path}; this command does not create one. Point at the server's database with "
    "--database URL (for example sqlite:////var/lib/anjungan/anjungan.sqlite3) or ANJUNGAN_DATA_DIR, or run "
    "`python main.py server` once to create it.")
BAD_DATABASE_URL = (
    "URL --database tidak terbaca; bentuknya sqlite:///BERKAS atau postgresql+psycopg://PENGGUNA:SANDI@HOST/NAMA.\n"
    "The --database URL cannot be read; it looks like sqlite:///FILE or postgresql+psycopg://USER:PASS@HOST/NAME.")


def _database_arg(parser: argparse.ArgumentParser, default: str | None = argparse.SUPPRESS) -> None:
    """A sub-command's --database leaves the one given before the sub-command's name alone: argparse
    would otherwise put its own default over it."""
    parser.add_argument("--database", metavar="URL", default=default,
                        help="SQLAlchemy URL: sqlite:///FILE or postgresql+psycopg://… "
                             "(default: a SQLite file in the user data folder)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="main.py server", description="The Anjungan central server.")
    _database_arg(parser, default=None)
    parser.add_argument("--host", default="127.0.0.1",
                        help="address to listen on (default 127.0.0.1: only this machine, as behind the "
                             "reverse proxy in deploy/; give the LAN address to serve devices directly)")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--max-connections", type=int, default=HttpLimits.max_connections, metavar="N",
                        help="open connections served at once; past it a client is answered 503 "
                             f"(default {HttpLimits.max_connections})")
    parser.add_argument("--catalog", type=Path, default=None,
                        help="catalog loaded into a new database (default: the bundled demo catalog)")
    parser.add_argument("--public-url", default=None,
                        help="address citizens' phones reach, for the QR (default http://HOST:PORT)")
    parser.add_argument("--open-all-hours", action="store_true",
                        help="keep every service open at any day and hour (quotas still apply); demos and tests")
    parser.add_argument("--trusted-proxy", action="append", default=[], type=_ip_address, metavar="ADDRESS",
                        help="a reverse proxy whose X-Forwarded-For names the client (repeatable; default: "
                             "none, the TCP peer is the client)")
    parser.add_argument("--notify-config", type=Path, default=None, metavar="FILE",
                        help="the WhatsApp gateway and webhook this site sends notifications through, with their "
                             "token and secret (TOML; see README \"Notifications\"; default: none, no messages)")
    sub = parser.add_subparsers(dest="command")
    enroll = sub.add_parser("enroll", help="make a one-time enrolment code for a kiosk, display or survey tablet")
    enroll.add_argument("--kind", choices=["kiosk", "display", "survey"], required=True)
    enroll.add_argument("--name", required=True)
    _database_arg(enroll)
    add_user = sub.add_parser("add-user", help="add a staff user, or reset one's password and role "
                                               "(which ends their sign-ins)")
    add_user.add_argument("--username", required=True)
    add_user.add_argument("--password", required=True)
    add_user.add_argument("--role", choices=["staff", "supervisor", "admin"], required=True)
    add_user.add_argument("--display-name", default="")
    add_user.add_argument("--keep-password", action="store_true",
                          help="do not ask the officer to choose their own password at the first login "
                               "(by default they must: the admin knows this one)")
    _database_arg(add_user)
    reset = sub.add_parser("reset-password", help="give a user a new password they must change at the next "
                                                  "login; their sign-ins end now")
    reset.add_argument("--username", required=True)
    reset.add_argument("--password", required=True)
    _database_arg(reset)
    for name, text in (("disable-user", "stop a user signing in; their sign-ins end now"),
                       ("enable-user", "let a disabled or locked-out user sign in again")):
        switch = sub.add_parser(name, help=text)
        switch.add_argument("username")
        _database_arg(switch)
    users = sub.add_parser("users", help="list staff users: role, active, locked, last login")
    _database_arg(users)
    imp = sub.add_parser("import-catalog", help="load a catalog TOML as the new catalog")
    imp.add_argument("file", type=Path)
    _database_arg(imp)
    devices = sub.add_parser("devices", help="list devices with their last heartbeat")
    _database_arg(devices)
    device = sub.add_parser("device", help="lock or unlock a kiosk from the office")
    device.add_argument("action", choices=["lock", "unlock", "revoke"])
    device.add_argument("name")
    _database_arg(device)
    # `report KIND ...`: each kind's module adds its parser and the function that runs it (run_report).
    report = sub.add_parser("report", help="write a report of a period to a file (PDF, XLSX or CSV)")
    _database_arg(report)
    kinds = report.add_subparsers(dest="report", required=True)
    for add_report in (queue_cli.add_parser, skm_cli.add_parser):
        _database_arg(add_report(kinds))
    return parser


def _settings(args: argparse.Namespace) -> ServerSettings:
    url = getattr(args, "database", None) or default_sqlite_url(user_data_dir())
    host, port = getattr(args, "host", "127.0.0.1"), getattr(args, "port", 8080)
    public = getattr(args, "public_url", None) or f"http://{host}:{port}"
    return ServerSettings(database_url=url, public_url=public,
                          open_all_hours=bool(getattr(args, "open_all_hours", False)),
                          trusted_proxies=frozenset(getattr(args, "trusted_proxy", None) or ()),
                          notify_config=getattr(args, "notify_config", None))


def _database_refusal(command: str | None, url: str | None) -> str | None:
    """Why the command may not open the database, if it may not. A URL that cannot be read is
    refused before anything opens it. An office command (any sub-command) refuses a SQLite file
    that is not there: opening it would make an empty database, and the command would answer from
    it (or write to it) as if it were the server's. Only the server itself makes its database."""
    if url is None:
        path = default_sqlite_path(user_data_dir())
    else:
        try:
            parsed = make_url(url)
        except ArgumentError:
            return BAD_DATABASE_URL
        if parsed.get_backend_name() != "sqlite" or not parsed.database or parsed.database == ":memory:":
            return None
        path = Path(parsed.database)
    if command is None or path.exists():
        return None
    return NO_DATABASE.format(path=path.absolute())


def unreachable_database(url: str) -> str:
    """Where it tried, without the password; the driver's own words stay in the log."""
    parsed = make_url(url)
    where = (parsed.database or "" if parsed.get_backend_name() == "sqlite"
             else f"{parsed.host or 'localhost'}:{parsed.port or 5432}/{parsed.database or ''}")
    return (f"Basis data tidak dapat dihubungi di {where}: periksa PostgreSQL sudah berjalan dan alamat "
            f"--database benar.\n"
            f"The database cannot be reached at {where}: check that PostgreSQL is running and the --database "
            f"URL is right.")


def _ip_address(text: str) -> str:
    try:
        return str(ipaddress.ip_address(text.strip()))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not an IP address: {text!r}") from None


def main(argv: list[str]) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    # Sub-command flags may sit before or after the sub-command name.
    refusal = _database_refusal(args.command, args.database)
    if refusal is not None:
        print(refusal, file=sys.stderr)
        return 2
    setup_logging("server", console=args.command is None)
    from server.app import build_services  # noqa: PLC0415 - keeps `--help` fast
    from server.errors import ApiError  # noqa: PLC0415 - as above

    settings = _settings(args)
    try:
        services = build_services(settings)
    except (SecretKeyInvalid, NotifyConfigInvalid) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except OperationalError as exc:
        log.error("the database cannot be reached: %s", exc.orig)
        print(unreachable_database(settings.database_url), file=sys.stderr)
        return 2
    try:
        if args.command == "enroll":
            try:
                return _enroll(services, Role(args.kind), args.name)
            except ApiError as refused:
                print(f"error: {refused.message} ({refused.code})", file=sys.stderr)
                return 2
        if args.command == "add-user":
            try:
                services.accounts.add_user(args.username, args.password, Role(args.role), args.display_name,
                                           must_change_password=not args.keep_password)
            except ApiError as refused:
                print(f"error: {refused.message} ({refused.code})", file=sys.stderr)
                return 2
            print(f"user {args.username!r} ({args.role}) saved" + (
                "" if args.keep_password else "; they choose their own password at the first login"))
            return 0
        if args.command == "reset-password":
            try:
                found = services.accounts.reset_password(args.username, args.password)
            except ApiError as refused:
                print(f"error: {refused.message} ({refused.code})", file=sys.stderr)
                return 2
            if not found:
                print(f"error: no user {args.username!r}", file=sys.stderr)
                return 1
            print(f"password of {args.username!r} reset; they choose their own at the next login")
            return 0
        if args.command in ("disable-user", "enable-user"):
            try:
                return _switch_user(services, args.username, args.command == "enable-user")
            except ApiError as refused:
                print(f"error: {refused.message} ({refused.code})", file=sys.stderr)
                return 2
        if args.command == "users":
            return _print_users(services)
        if args.command == "import-catalog":
            return _import(services, args.file)
        if args.command == "devices":
            return _print_devices(services)
        if args.command == "device":
            return _device_action(services, args.action, args.name)
        if args.command == "report":
            return args.run_report(services, args)
        return _serve(services, args)
    finally:
        services.db.dispose()


def _import(services, path: Path) -> int:
    from core.wire import AuditKind  # noqa: PLC0415 - keeps `--help` fast
    from server.errors import ApiError  # noqa: PLC0415 - keeps `--help` fast
    try:
        cat = load_catalog_file(path)
    except (OSError, CatalogInvalid) as exc:
        print(f"error: the catalog was not imported: {exc}", file=sys.stderr)
        return 2
    try:
        version = services.engine.import_catalog(cat, str(path), audit_kind=AuditKind.CATALOG_SAVED)
    except ApiError as refused:
        print(f"error: the catalog was not imported: {refused.message} ({refused.code})", file=sys.stderr)
        return 2
    print(f"catalog {path} imported as version {version}: {len(cat.agencies)} agencies, "
          f"{len(cat.services)} services, {len(cat.lokets)} lokets, {len(cat.holidays)} holidays")
    return 0


def _enroll(services, kind: Role, name: str) -> int:
    """A one-time code; a name already enrolled is re-enrolled, which cuts off the device that has it,
    so that is said before the code is handed to a second device by mistake."""
    existing = next((d for d in services.accounts.list_devices() if d.name == name and d.enrolled), None)
    code = services.accounts.create_enrollment(kind, name)
    if existing is not None:
        zone, label = _site_zone(services)
        print(f"warning: {existing.kind} {name!r} is already enrolled (last heartbeat "
              f"{_seen(existing.last_seen_at, zone, label)}). Once this code is used, the device enrolled now "
              f"as {name!r} stops working. For a second device, give it its own --name.\n"
              f"peringatan: nama {name!r} sudah dipakai perangkat lain; setelah kode ini dipakai, perangkat "
              f"itu berhenti bekerja. Untuk perangkat kedua, beri nama lain dengan --name.", file=sys.stderr)
    print(f"One-time enrolment code for {kind.value} {name!r} (valid 24 hours):")
    print(code)
    return 0


def _site_zone(services) -> tuple[tzinfo, str]:
    """The site's zone and label from its catalog (Asia/Jakarta, WIB when there is none yet): the office
    reads times as the site's, whatever zone the server machine runs on."""
    from server.engine.catalog_cache import StoredCatalogInvalid  # noqa: PLC0415 - as in _serve
    from server.errors import ApiError  # noqa: PLC0415 - as in _serve

    try:
        site = services.engine.catalog().site
        return ZoneInfo(site.timezone), site.tz_label
    except (ApiError, StoredCatalogInvalid, KeyError, ValueError):
        return ZoneInfo("Asia/Jakarta"), "WIB"


def _print_devices(services) -> int:
    rows = services.accounts.list_devices()
    if not rows:
        print("no devices yet: python main.py server enroll --kind kiosk --name NAME")
        return 0
    zone, label = _site_zone(services)
    heading = f"last heartbeat ({label or zone})"
    print(f"{'name':<24} {'kind':<8} {heading:<34} {'printer':<8} {'paper':<9} flags")
    for d in rows:
        state = d.state
        flags = [f for f, on in (("SILENT", d.silent), ("PAPER-OUT", d.paper_out), ("LOCKED", d.locked),
                                 ("REVOKED", d.revoked), ("not-enrolled", not d.enrolled)) if on]
        print(f"{d.name:<24} {d.kind:<8} {_seen(d.last_seen_at, zone, label):<34} "
              f"{state.get('printer_state', '-'):<8} {state.get('paper', '-'):<9} {' '.join(flags)}")
    return 0


def _switch_user(services, username: str, active: bool) -> int:
    if not services.accounts.set_active(username, active):
        print(f"error: no user named {username!r}", file=sys.stderr)
        return 2
    if active:
        print(f"user {username!r} enabled; wrong-password locks on the name lifted")
    else:
        print(f"user {username!r} disabled; their sign-ins end within a few seconds")
    return 0


def _print_users(services) -> int:
    rows = services.accounts.list_users()
    if not rows:
        print("no users yet: python main.py server add-user --username NAME --password … --role staff")
        return 0
    zone, label = _site_zone(services)
    print(f"{'username':<24} {'role':<11} {'active':<7} {f'locked until ({label})':<24} last login ({label})")
    for u in rows:
        locked = f"{datetime.fromisoformat(u['locked_until']).astimezone(zone):%Y-%m-%d %H:%M:%S} {label}" \
            if u["locked_until"] else "-"
        last = _seen(datetime.fromisoformat(u["last_login_at"]) if u["last_login_at"] else None, zone, label)
        print(f"{u['username']:<24} {u['role']:<11} {'yes' if u['active'] else 'NO':<7} {locked:<24} {last}")
    return 0


def _seen(at: datetime | None, zone: tzinfo = UTC, label: str = "UTC") -> str:
    """``2026-11-23 10:43:12 WIB (25 s ago)``: when, and how long ago, to spot a silent device at a glance."""
    if at is None:
        return "never"
    when = at.astimezone(zone)
    age = int((datetime.now(UTC) - when).total_seconds())
    ago = f"{age} s" if age < 120 else f"{age // 60} min" if age < 7200 else f"{age // 3600} h"
    return f"{when:%Y-%m-%d %H:%M:%S} {label} ({ago} ago)".replace("  ", " ")


def _device_action(services, action: str, name: str) -> int:
    acc = services.accounts
    done = acc.revoke(name) if action == "revoke" else acc.set_locked(name, action == "lock")
    if not done:
        print(f"error: no device named {name!r}", file=sys.stderr)
        return 2
    print(f"device {name!r}: {action.removesuffix('e')}ed")
    return 0


def _serve(services, args: argparse.Namespace) -> int:
    # Loaded only to serve, like build_services: --help stays quick and the office's commands need no uvicorn.
    from server.app import create_app  # noqa: PLC0415 - see above
    from server.engine.catalog_cache import StoredCatalogInvalid  # noqa: PLC0415 - see above
    from server.errors import ApiError  # noqa: PLC0415 - see above
    from server.http_server import build_http_server  # noqa: PLC0415 - see above

    try:
        services.engine.catalog()
    except StoredCatalogInvalid as exc:
        # Never replaced by the demo catalog: the site's own catalog is there, it needs correcting.
        print(f"error: katalog versi {exc.version} di database tidak valid / catalog version {exc.version} in "
              f"the database is not valid: {exc.reason}\n"
              "Perbaiki berkas katalog lalu / correct the catalog file, then run: "
              "main.py server import-catalog FILE", file=sys.stderr)
        return 2
    except ApiError:
        path = args.catalog or DEMO_CATALOG
        if _import(services, path) != 0:
            return 2
    app = create_app(services)
    log.info("serving on http://%s:%s (database %s)", args.host, args.port, services.db.engine.url.render_as_string())
    print(f"Anjungan server on http://{args.host}:{args.port}/api/v1 — OpenAPI at /api/v1/openapi.json", flush=True)
    # Everything built so far lives as long as the process: moved out of the collector's sight,
    # a full collection walks thousands of objects, not ~80,000 (an 85 ms pause every few
    # seconds under load, measured with bench/server.py).
    gc.collect()
    gc.freeze()
    limits = HttpLimits(max_connections=args.max_connections)
    build_http_server(app, args.host, args.port, limits).run()
    return 0
