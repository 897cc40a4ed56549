"""The server page: the address is checked before it is saved, and enrolment with a real one-time
code from the live server saves the device token in the config file (mode 0600)."""

from __future__ import annotations

import stat

from core.client import BackendClient
from core.config import DeviceConfig, load_config
from core.technician_pin import hash_pin
from server.auth import Role
from tests.setup.conftest import tap, unlock, wait_idle
from tests.support.net import free_port

PIN = hash_pin("2468")


def open_server_page(qtbot, make_mode, cfg: DeviceConfig):
    mode = make_mode(cfg)
    unlock(qtbot, mode)
    return mode, mode.window.setup.show_page("ServerPage")


def test_enrolment_with_a_one_time_code_saves_the_token(qtbot, server, make_mode, config_path):
    mode, page = open_server_page(qtbot, make_mode, DeviceConfig(server_url=server.url, technician_pin_hash=PIN))
    assert "belum terdaftar" in page.enrolled_note.text()
    code = server.services.accounts.create_enrollment(Role.KIOSK, "kiosk-lobi-2")
    page.code_edit.setText(code)
    tap(qtbot, page.enroll_button)
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=10000)

    saved = load_config(config_path)
    assert saved.token.startswith("dev_")
    assert stat.S_IMODE(config_path.stat().st_mode) == 0o600
    assert mode.context.config.token == saved.token
    assert "sudah terdaftar" in page.enrolled_note.text()
    assert "Token disimpan" in page.code_field.error_text()
    client = BackendClient(server.url, saved.token)
    try:
        assert client.catalog().agencies      # the server knows this token
    finally:
        client.close()

    # The same code a second time: refused, with the reason, and the token stays.
    page.code_edit.setText(code)
    tap(qtbot, page.enroll_button)
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=10000)
    assert "Kode pendaftaran salah, sudah dipakai" in page.code_field.error_text()
    assert load_config(config_path).token == saved.token


def test_a_bad_server_address_is_refused_with_its_reason_and_nothing_is_saved(qtbot, server, make_mode,
                                                                               config_path):
    mode, page = open_server_page(qtbot, make_mode, DeviceConfig(server_url=server.url, technician_pin_hash=PIN))
    before = config_path.read_bytes()

    page.url_edit.setText("ftp://10.0.0.2")
    tap(qtbot, page.save_button)
    assert "http:// atau https://" in page.url_field.error_text()
    assert config_path.read_bytes() == before

    page.url_edit.setText(f"http://127.0.0.1:{free_port()}")   # nobody listens there
    tap(qtbot, page.save_button)
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=15000)
    assert "tidak dapat dihubungi" in page.url_field.error_text()
    assert config_path.read_bytes() == before
    assert load_config(config_path).server_url == server.url


def test_a_good_server_address_is_saved_once_the_server_answers(qtbot, server, make_mode, config_path):
    saved_configs = []
    mode = make_mode(DeviceConfig(server_url="http://127.0.0.1:9", technician_pin_hash=PIN),
                     on_saved=saved_configs.append)
    unlock(qtbot, mode)
    page = mode.window.setup.show_page("ServerPage")
    page.url_edit.setText(f"{server.url}/")
    tap(qtbot, page.save_button)
    qtbot.waitUntil(lambda: not page.is_busy(), timeout=10000)
    wait_idle(qtbot, mode)
    assert "Tersambung" in page.url_field.error_text()
    assert load_config(config_path).server_url == f"{server.url}/"
    assert saved_configs and saved_configs[-1].server_url == f"{server.url}/"
