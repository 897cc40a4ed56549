"""Technician mode: the hidden entry, the PIN, and the setup and diagnostics pages of a kiosk or display."""
