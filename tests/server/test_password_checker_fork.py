"""The low-priority password checker (server/auth.py) works in a forked process too: test runners and
mutmut fork workers from a process whose checker thread has already started, and a sign-in there
would otherwise wait for ever on a thread that did not come along."""

from __future__ import annotations

import os
import signal
import threading

from server.auth import hash_password, verify_password_aside
from tests.support.server import CHEAP_PASSWORD_COST


def test_a_forked_process_checks_passwords_with_a_checker_of_its_own():
    stored = hash_password("rahasia-123", CHEAP_PASSWORD_COST)
    assert verify_password_aside("rahasia-123", stored)  # the parent's checker thread is running now
    child = os.fork()
    if child == 0:
        os._exit(0 if verify_password_aside("rahasia-123", stored) else 1)
    ended: list[int] = []
    waiter = threading.Thread(target=lambda: ended.append(os.waitpid(child, 0)[1]), daemon=True)
    waiter.start()
    waiter.join(timeout=20)
    if not ended:
        os.kill(child, signal.SIGKILL)
        waiter.join()
        raise AssertionError("the forked process's password check never answered")
    assert os.waitstatus_to_exitcode(ended[0]) == 0
