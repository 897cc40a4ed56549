"""Printing budgets: bytes and render time of the standard 80 mm ticket, native QR and image QR.

Budgets: at most 1,200 bytes without a logo with a native QR, and at most 5 ms to build and
render a receipt (median of repeated runs). Prints the figures and whether each budget holds.
Run: .venv/bin/python bench/printing.py [--runs 300]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from printing.escpos_render import EscposOptions, EscposRenderer
from printing.receipt import build_receipt
from printing.sample import sample_branding, sample_ticket

BUDGET_BYTES = 1200
BUDGET_MS = 5.0


def measure(qr: str, runs: int) -> dict[str, float]:
    ticket = sample_ticket(base_url="http://192.168.1.10:8000")
    branding = sample_branding()
    renderer = EscposRenderer(EscposOptions(profile="default", paper_mm=80, qr=qr))
    data = renderer.render(build_receipt(ticket, branding))  # warm caches and imports
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        renderer.render(build_receipt(ticket, branding))
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return {"bytes": len(data), "median_ms": round(statistics.median(times), 3),
            "p95_ms": round(times[int(len(times) * 0.95) - 1], 3)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=300)
    args = parser.parse_args(argv)
    figures = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "native_qr": measure("native", args.runs),
        "image_qr": measure("image", args.runs),
    }
    print(json.dumps(figures, indent=2))
    checks = [
        ("native_qr bytes", figures["native_qr"]["bytes"], BUDGET_BYTES, "B"),
        ("native_qr render", figures["native_qr"]["median_ms"], BUDGET_MS, "ms"),
        ("image_qr render", figures["image_qr"]["median_ms"], BUDGET_MS, "ms"),
    ]
    ok = True
    for name, value, limit, unit in checks:
        held = value <= limit
        ok &= held
        print(f"{name:<18} {value:>9} {unit:<2} budget <= {limit:<6} {'ok' if held else 'OVER BUDGET'}")
    print(f"image_qr bytes     {figures['image_qr']['bytes']:>9} B  (no budget: a raster image)")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
