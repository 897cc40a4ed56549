"""The PySide6 apps of Anjungan: kiosk/ (citizens), widgets/, theme, translations, the task runner."""
