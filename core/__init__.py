"""Anjungan core: models, rules and the backend client shared by every app. No Qt here."""

__version__ = "0.1.0"
