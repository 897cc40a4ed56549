"""The key the server hashes NIKs with (server/settings.py load_secret): made once, kept beside the
database. A key file that is there but unusable must stop the server at start with what to do, not
let it serve until the first ticket with a NIK fails."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from server.settings import SecretKeyInvalid, load_secret

ROOT = Path(__file__).resolve().parents[2]


def test_a_new_key_is_made_once_and_read_back_the_same(tmp_path: Path) -> None:
    path = tmp_path / "keys" / "server-secret.key"
    key = load_secret(path)
    assert len(key) == 32 and load_secret(path) == key
    assert path.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize("content", ["", "\n", "not hex at all", "abcd", "0" * 31])
def test_an_empty_short_or_garbled_key_file_is_refused_naming_the_file(tmp_path: Path, content: str) -> None:
    """An empty file (a disk that filled up, a copy gone wrong) gave an empty key: the server started and
    every ticket with a NIK then failed with a 500."""
    path = tmp_path / "server-secret.key"
    path.write_text(content)
    with pytest.raises(SecretKeyInvalid) as refused:
        load_secret(path)
    assert str(path) in str(refused.value)
    assert path.read_text() == content


def test_the_server_refuses_to_start_on_an_unusable_key_and_says_what_to_do(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "server-secret.key").write_text("")
    env = {**os.environ, "ANJUNGAN_DATA_DIR": str(data), "ANJUNGAN_LOG_DIR": str(tmp_path / "log")}
    done = subprocess.run([sys.executable, "main.py", "server", "--port", "0"], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2, done.stderr
    assert "Traceback" not in done.stderr, done.stderr
    assert "server-secret.key" in done.stderr and "NIK" in done.stderr, done.stderr
