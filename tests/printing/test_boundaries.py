"""printing/ is plain Python: importing all of it loads no Qt and nothing from ui/."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MODULES = sorted(p.stem for p in (ROOT / "printing").glob("*.py") if p.stem != "__init__")


def test_printing_imports_no_qt_and_no_ui():
    code = (
        "import importlib, sys\n"
        f"for name in {MODULES!r}: importlib.import_module('printing.' + name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'ui', 'shiboken6'))\n"
        "print(','.join(bad))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          timeout=60, check=True)
    assert done.stdout.strip() == ""
    assert len(MODULES) >= 15


def test_python_escpos_caches_its_printer_database_in_a_real_folder(tmp_path):
    """ESCPOS_CAPABILITIES_PICKLE_DIR is set before python-escpos loads, and escpos leaves
    the app's logging alone."""
    code = ("import logging, os; import printing.escpos_lib as e\n"
            "print(os.environ['ESCPOS_CAPABILITIES_PICKLE_DIR']); print(len(logging.getLogger().handlers))\n"
            "print(e.capabilities.pickle_dir)\n")
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "XDG_CACHE_HOME": str(tmp_path / "cache")}
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                          timeout=60, check=True, env=env)
    folder, handlers, used = done.stdout.split()
    assert folder == used == str(tmp_path / "cache" / "anjungan" / "escpos")
    assert handlers == "0"
    assert list(Path(folder).glob("*.capabilities.pickle"))
