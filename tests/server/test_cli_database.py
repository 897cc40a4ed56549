"""The office's commands (`main.py server users`, `add-user`, …) work on the database the server
made; where there is none they say where they looked and how to point at one, and create nothing:
an empty database made by a command run as the wrong user or without ANJUNGAN_DATA_DIR would
answer "no users yet", or take a new officer the server never sees. Run as real processes."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.net import free_port
from tests.support.server import TEST_CATALOG, start_server_process

ROOT = Path(__file__).resolve().parents[2]

# Every sub-command of `main.py server`, with the arguments it needs.
COMMANDS = {
    "users": ["users"],
    "devices": ["devices"],
    "device": ["device", "lock", "Kiosk Lobi 1"],
    "enroll": ["enroll", "--kind", "kiosk", "--name", "Kiosk Lobi 1"],
    "add-user": ["add-user", "--username", "siti", "--password", "rahasia-123", "--role", "staff"],
    "disable-user": ["disable-user", "siti"],
    "enable-user": ["enable-user", "siti"],
    "reset-password": ["reset-password", "--username", "siti", "--password", "baru-dari-admin-1"],
    "import-catalog": ["import-catalog", str(TEST_CATALOG)],
    "report": ["report", "queue", "--from", "2026-11-01", "--to", "2026-11-30", "--format", "csv",
               "--out", "laporan-tidak-ditulis.csv"],
}


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir()
    return folder


def office(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "ANJUNGAN_DATA_DIR": str(data_dir), "ANJUNGAN_LOG_DIR": str(data_dir.parent / "log")}
    return subprocess.run([sys.executable, "main.py", "server", *args], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)


def assert_refused(done: subprocess.CompletedProcess[str], looked_at: Path) -> None:
    assert done.returncode == 2, (done.returncode, done.stdout, done.stderr)
    assert "Traceback" not in done.stderr and done.stdout == ""
    said = done.stderr
    assert str(looked_at) in said and "--database URL" in said, said
    assert "Tidak ada basis data" in said and "No database" in said, said  # Indonesian, then English


def test_the_sub_command_list_is_the_one_tested_here() -> None:
    """A new sub-command is added to COMMANDS, so it is tried without a database too."""
    from server.cli import build_parser  # noqa: PLC0415 - the parser, not the server

    sub = next(a for a in build_parser()._actions if a.dest == "command")
    assert set(sub.choices) == set(COMMANDS)


@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_command_with_no_database_at_the_default_place_says_where_it_looked_and_creates_nothing(
        data_dir: Path, command: str) -> None:
    """GIVEN ANJUNGAN_DATA_DIR naming an empty folder, and no --database
    THEN the command exits 2 naming the file it looked for and --database URL; the folder stays empty."""
    assert_refused(office(data_dir, *COMMANDS[command]), data_dir / "anjungan.sqlite3")
    assert list(data_dir.iterdir()) == []


def test_a_default_data_folder_that_does_not_exist_is_not_made(tmp_path: Path) -> None:
    missing = tmp_path / "tidak-ada"
    assert_refused(office(missing, "users"), missing / "anjungan.sqlite3")
    assert not missing.exists()


@pytest.mark.parametrize("command", ["users", "add-user", "import-catalog"])
def test_a_sqlite_database_named_with_database_that_does_not_exist_is_refused_the_same_way(
        data_dir: Path, command: str) -> None:
    target = data_dir / "salah-ketik.sqlite3"
    assert_refused(office(data_dir, *COMMANDS[command], "--database", f"sqlite:///{target}"), target)
    assert list(data_dir.iterdir()) == []


def test_database_given_before_the_sub_command_is_the_one_used(data_dir: Path) -> None:
    """`main.py server --database URL users` looks where URL says, not at the default place."""
    target = data_dir / "di-depan.sqlite3"
    assert_refused(office(data_dir, "--database", f"sqlite:///{target}", "users"), target)


@pytest.mark.parametrize("command", [[], ["users"]])
def test_a_database_url_that_cannot_be_read_is_refused_in_both_languages(data_dir: Path, command: list[str]) -> None:
    done = office(data_dir, *command, "--database", "anjungan.sqlite3")
    assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
    assert "URL --database tidak terbaca" in done.stderr and "cannot be read" in done.stderr
    assert list(data_dir.iterdir()) == []


def test_the_server_creates_its_database_and_then_the_commands_work_on_it(data_dir: Path) -> None:
    """`main.py server` still makes the database on its first start; the office's commands, with no
    --database, then find it at the default place."""
    env = {**os.environ, "ANJUNGAN_DATA_DIR": str(data_dir), "ANJUNGAN_LOG_DIR": str(data_dir.parent / "log")}
    database = data_dir / "anjungan.sqlite3"
    proc = start_server_process(f"sqlite:///{database}", free_port(), env)
    try:
        assert database.exists()
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    added = office(data_dir, *COMMANDS["add-user"])
    assert added.returncode == 0 and "saved" in added.stdout, added.stderr
    listed = office(data_dir, "users")
    assert listed.returncode == 0 and listed.stdout.splitlines()[1].startswith("siti "), listed.stdout


@pytest.mark.parametrize("command", [[], ["users"]])
def test_a_database_server_that_cannot_be_reached_is_said_in_both_languages_without_a_traceback(
        data_dir: Path, command: list[str]) -> None:
    """A PostgreSQL that is down or named wrongly: the server and the office's commands say which
    host and port they tried (never the password) and how to go on, instead of a stack trace."""
    port = free_port()  # nothing listens there
    done = office(data_dir, *command, "--database", f"postgresql+psycopg://anjungan:rahasia@127.0.0.1:{port}/x")
    assert done.returncode == 2, (done.returncode, done.stdout, done.stderr)
    assert "Traceback" not in done.stderr and "rahasia" not in done.stderr, done.stderr
    assert f"127.0.0.1:{port}" in done.stderr, done.stderr
    assert "Basis data tidak dapat dihubungi" in done.stderr and "cannot be reached" in done.stderr, done.stderr
