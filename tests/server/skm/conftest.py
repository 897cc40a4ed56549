"""The SKM's engine-level tests run on the same fresh hall as the engine's own (tests/server/engine)."""

from tests.server.engine.conftest import hall, hall_dir

__all__ = ["hall", "hall_dir"]
