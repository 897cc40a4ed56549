"""Reusable widgets of the Anjungan apps; no I/O, no knowledge of screens or the controller."""
