"""Translations with Qt Linguist: sources in ``resources/i18n/anjungan_<lang>.ts``, compiled to ``.qm``
by ``pyside6-lrelease``; switching language at run time; the other language's text for bilingual
messages; and a fake-long mode that makes every string longer to catch labels that overflow.

The source language is Indonesian: the code holds the Indonesian text, ``anjungan_en.ts`` its
English translation and ``anjungan_id.ts`` the identity (so Indonesian works even without a .qm).

    .venv/bin/python -m ui.i18n build     # .ts -> .qm (the Makefile's `translations` target)
    .venv/bin/python -m ui.i18n update    # re-scan ui/ for strings into the .ts files, keeping translations
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QLocale, QTranslator

log = logging.getLogger(__name__)

SOURCE_LANGUAGE = "id"
LANGUAGES = ("id", "en")
ROOT = Path(__file__).resolve().parent.parent
I18N_DIR = ROOT / "resources" / "i18n"
LOCALES = {"id": QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia),
           "en": QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom)}


def ts_path(lang: str, folder: Path = I18N_DIR) -> Path:
    return folder / f"anjungan_{lang}.ts"


def qm_path(lang: str, folder: Path = I18N_DIR) -> Path:
    return folder / f"anjungan_{lang}.qm"


def _tool(name: str) -> str | None:
    """A Qt tool from the venv's bin (next to this Python) first, then from PATH."""
    local = Path(sys.executable).parent / name
    return str(local) if local.exists() else shutil.which(name)


def build(folder: Path = I18N_DIR) -> list[Path]:
    """Compile every ``.ts`` in ``folder`` to ``.qm``; raises if the tool is missing or fails."""
    tool = _tool("pyside6-lrelease")
    if tool is None:
        raise FileNotFoundError("pyside6-lrelease not found: install PySide6 (pip install -e '.[gui]')")
    out = []
    for lang in LANGUAGES:
        source, target = ts_path(lang, folder), qm_path(lang, folder)
        # Written aside and renamed: another process starting up never loads half a file.
        partial = target.with_name(f".{target.name}.{os.getpid()}")
        try:
            subprocess.run([tool, "-silent", str(source), "-qm", str(partial)], check=True, timeout=60)
            os.replace(partial, target)
        finally:
            partial.unlink(missing_ok=True)
        out.append(target)
    return out


def source_files() -> list[str]:
    """What lupdate reads, relative to the repository: every module under ui/, and the priority groups'
    names, which live in printing/ because the receipt prints them too."""
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py")) + ["printing/priority_labels.py"]


def update(folder: Path = I18N_DIR) -> None:
    """Collect the strings of every source file into the .ts files (translations are kept)."""
    tool = _tool("pyside6-lupdate")
    if tool is None:
        raise FileNotFoundError("pyside6-lupdate not found")
    sources = source_files()
    for lang in LANGUAGES:
        subprocess.run([tool, "-no-obsolete", "-locations", "none", "-source-language", SOURCE_LANGUAGE,
                        "-target-language", lang, *sources, "-ts", str(ts_path(lang, folder).relative_to(ROOT))],
                       check=True, cwd=ROOT, timeout=120)


def ensure_compiled(folder: Path = I18N_DIR) -> bool:
    """Compile when a .qm is missing or older than its .ts and the tool is there; True when usable."""
    def is_stale(lang: str) -> bool:
        qm, ts = qm_path(lang, folder), ts_path(lang, folder)
        return ts.exists() and (not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime)

    if not any(is_stale(lang) for lang in LANGUAGES):
        return True
    try:
        build(folder)
        return True
    except (OSError, subprocess.SubprocessError) as exc:
        log.warning("could not compile translations (%s); English may be missing", exc)
        return all(qm_path(lang, folder).exists() for lang in LANGUAGES)


def lengthen(text: str) -> str:
    """The fake-long form: about 1.6 times as long, words repeated so placeholders stay whole."""
    if not text:
        return text
    words = text.split(" ")
    extra = words[: max(1, (len(words) * 3 + 4) // 5)]
    return f"{text} {' '.join(extra)}!"


class FakeLongTranslator(QTranslator):
    """Wraps a real translator (or none) and lengthens everything it hands out."""

    def __init__(self, base: QTranslator | None) -> None:
        super().__init__()
        self._base = base

    def translate(self, context: str, source: str, disambiguation: str | None = None,
                  n: int = -1) -> str:
        text = self._base.translate(context, source, disambiguation, n) if self._base else ""
        return lengthen(text or source)

    def isEmpty(self) -> bool:
        return False


class Translations:
    """The loaded languages of one application, which one is installed, and lookups in either."""

    def __init__(self, folder: Path = I18N_DIR, *, fake_long: bool = False, compile_missing: bool = True) -> None:
        self.folder = folder
        self.fake_long = fake_long
        if compile_missing:
            ensure_compiled(folder)
        self._translators: dict[str, QTranslator] = {}
        for lang in LANGUAGES:
            translator = QTranslator()
            if translator.load(str(qm_path(lang, folder))):
                self._translators[lang] = translator
            elif lang != SOURCE_LANGUAGE:
                log.warning("no compiled translation for %s in %s", lang, folder)
        self._installed: QTranslator | None = None
        self.language = ""

    def available(self, lang: str) -> bool:
        return lang == SOURCE_LANGUAGE or lang in self._translators

    def switch(self, lang: str) -> None:
        """Install ``lang``; Qt then sends every widget a LanguageChange event."""
        if lang not in LANGUAGES:
            raise ValueError(f"unknown language {lang!r}")
        if lang == self.language:
            return
        app = QCoreApplication.instance()
        base = self._translators.get(lang)
        new = FakeLongTranslator(base) if self.fake_long else base
        QLocale.setDefault(LOCALES[lang])
        self.language = lang
        old, self._installed = self._installed, new
        if new is not None:
            app.installTranslator(new)
        if old is not None:
            app.removeTranslator(old)
        elif new is None:
            # Nothing installed or removed, so Qt sends nothing: tell the widgets ourselves.
            for widget in app.allWidgets():  # type: ignore[attr-defined]
                QCoreApplication.sendEvent(widget, QEvent(QEvent.Type.LanguageChange))

    def uninstall(self) -> None:
        """Take this object's translator out of the application (tests start the next one clean)."""
        app = QCoreApplication.instance()
        if self._installed is not None and app is not None:
            app.removeTranslator(self._installed)
        self._installed = None
        self.language = ""
        QLocale.setDefault(LOCALES[SOURCE_LANGUAGE])

    def translate_in(self, lang: str, context: str, source: str, n: int = -1) -> str:
        """``source`` (Indonesian) in ``lang``, whatever language is installed."""
        translator = self._translators.get(lang)
        text = translator.translate(context, source, None, n) if translator is not None else ""
        text = text or source
        if self.fake_long:
            text = lengthen(text)
        return text.replace("%n", str(n)) if n >= 0 else text

    def other(self, lang: str | None = None) -> str:
        lang = lang or self.language
        return "en" if lang == "id" else "id"


class Numerus:
    """Marks a plural source (``%n``) for lupdate without translating it now:
    ``Numerus.translate("Texts", "%n orang", None, 0)`` returns the source. lupdate reads any
    ``.translate(context, source, disambiguation, n)`` call with a count as a numerus message;
    ``QT_TRANSLATE_NOOP`` has no plural form in Python."""

    @staticmethod
    def translate(context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        return source


class _KeepMissing(dict):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def long_date(day: date, lang: str) -> str:
    """``Senin, 23 November 2026`` / ``Monday, 23 November 2026``."""
    return LOCALES[lang].toString(QDate(day.year, day.month, day.day), "dddd, d MMMM yyyy")


@dataclass(frozen=True)
class Text:
    """A translatable text not yet in any language: an Indonesian source (marked for lupdate with
    ``QT_TRANSLATE_NOOP(context, …)``), its ``{named}`` parameters and an optional count for ``%n``.
    Parameters may be Texts (translated too) or dates (written out in the language)."""

    source: str
    params: Mapping[str, Any] = field(default_factory=dict)
    n: int = -1
    context: str = "Messages"

    def render(self, translations: Translations, lang: str) -> str:
        text = translations.translate_in(lang, self.context, self.source, self.n)
        values = {key: _render_value(value, translations, lang) for key, value in self.params.items()}
        return text.format_map(_KeepMissing(values)) if values or "{" in text else text


def _render_value(value: Any, translations: Translations, lang: str) -> str:
    if isinstance(value, Text):
        return value.render(translations, lang)
    if isinstance(value, date):
        return long_date(value, lang)
    return str(value)


def current_language() -> str:
    """The language installed now, as Qt's default locale says (set by ``Translations.switch``)."""
    return "en" if QLocale().language() == QLocale.Language.English else "id"


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    command = args[0] if args else "build"
    if command == "build":
        for path in build():
            print(path.relative_to(ROOT))
        return 0
    if command == "update":
        update()
        return 0
    print("usage: python -m ui.i18n [build|update]", file=sys.stderr)
    return 2


if __name__ == "__main__":
    os.chdir(ROOT)
    sys.exit(main())
