"""Anjungan's central backend: HTTP API, queue engine, persistence, auth and events. No Qt here."""
