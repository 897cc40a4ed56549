"""What the survey asks, step by step, and what the citizen has answered so far: the nine unsur of
core.survey's questionnaire, the site's own scale questions, then the profile (jenis kelamin,
pendidikan, pekerjaan, optional umur). The screens show a step; the draft keeps the answers until the
last step sends them, so nothing leaves the device before that. The questionnaire's words are
core.survey's, in both languages; the words of our own (the profile's questions) are marked for Qt
Linguist."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP

from core.survey import (
    AGE_RANGE,
    EDUCATION_LABELS,
    GENDER_LABELS,
    OCCUPATION_LABELS,
    QUESTIONNAIRE,
    Label,
    Unsur,
)
from core.wire import SurveyQuestion
from ui.i18n import Text, Translations

C = "SurveySteps"
Words = Label | Text
UNSUR_COUNT = len(QUESTIONNAIRE)
PROFILE_KEYS = ("gender", "education", "occupation")
AGE = "age"


def render(words: Words, translations: Translations, lang: str) -> str:
    """A step's words in ``lang``: the questionnaire's own pair, or a translated source."""
    if isinstance(words, Text):
        return words.render(translations, lang)
    return words.en if lang == "en" and words.en else words.id


@dataclass(frozen=True)
class Choice:
    """One large button: the value stored, its words in both languages, and the face it wears (the
    score 1..4 of an answer), or 0 for none."""

    value: str
    label: Label
    face: int = 0


@dataclass(frozen=True)
class Step:
    """One screen of the survey. ``kind`` is ``unsur`` (one of the nine), ``site`` (the site's own
    question, never in the IKM), ``profile`` (gender, education, occupation) or ``age`` (a keypad)."""

    kind: str
    key: str
    title: Words
    question: Words
    choices: tuple[Choice, ...] = ()


def _unsur_steps() -> list[Step]:
    return [Step("unsur", q.unsur.value, Label(q.name_id, q.name_en), Label(q.question_id, q.question_en),
                 tuple(Choice(str(a.score), Label(a.label_id, a.label_en), a.score) for a in q.answers))
            for q in QUESTIONNAIRE]


def _site_steps(questions: Sequence[SurveyQuestion]) -> list[Step]:
    """The site's own questions answered 1..4 (the kiosk has no keyboard for the written ones)."""
    steps = []
    for q in questions:
        if q.kind != "scale" or len(q.labels) != 4:
            continue
        labels_en = q.labels_en if len(q.labels_en) == 4 else q.labels
        choices = tuple(Choice(str(score), Label(text_id, text_en), score)
                        for score, (text_id, text_en) in enumerate(zip(q.labels, labels_en, strict=True), start=1))
        steps.append(Step("site", q.id, Text(QT_TRANSLATE_NOOP("SurveySteps", "Pertanyaan tambahan"), context=C),
                          Label(q.text, q.text_en or q.text), choices))
    return steps


_PROFILE: Mapping[str, tuple[str, str, Mapping[Any, Label]]] = {
    "gender": (QT_TRANSLATE_NOOP("SurveySteps", "Jenis kelamin"),
               QT_TRANSLATE_NOOP("SurveySteps", "Apa jenis kelamin Anda?"), GENDER_LABELS),
    "education": (QT_TRANSLATE_NOOP("SurveySteps", "Pendidikan"),
                  QT_TRANSLATE_NOOP("SurveySteps", "Apa pendidikan terakhir Anda?"), EDUCATION_LABELS),
    "occupation": (QT_TRANSLATE_NOOP("SurveySteps", "Pekerjaan"),
                   QT_TRANSLATE_NOOP("SurveySteps", "Apa pekerjaan utama Anda?"), OCCUPATION_LABELS),
}


def _profile_steps() -> list[Step]:
    steps = [Step("profile", key, Text(title, context=C), Text(question, context=C),
                  tuple(Choice(member.value, label) for member, label in labels.items()))
             for key, (title, question, labels) in _PROFILE.items()]
    steps.append(Step("age", AGE, Text(QT_TRANSLATE_NOOP("SurveySteps", "Umur"), context=C),
                      Text(QT_TRANSLATE_NOOP("SurveySteps", "Berapa umur Anda? Boleh dilewati."), context=C)))
    return steps


def survey_steps(site_questions: Sequence[SurveyQuestion] = ()) -> tuple[Step, ...]:
    """Every step in order: the nine unsur, the site's scale questions, the profile."""
    return (*_unsur_steps(), *_site_steps(site_questions), *_profile_steps())


def age_allowed(text: str) -> bool:
    """An age typed on the keypad that may be sent: empty (skipped) or within AGE_RANGE."""
    if not text:
        return True
    low, high = AGE_RANGE
    return text.isdigit() and low <= int(text) <= high


@dataclass
class SurveyDraft:
    """The answers of one citizen, kept only on the screen until they are sent."""

    answers: dict[str, str] = field(default_factory=dict)
    age: int | None = None

    def answer(self, step: Step, value: str) -> None:
        self.answers[step.key if step.kind != "site" else f"site:{step.key}"] = value

    def answered(self, step: Step) -> str | None:
        return self.answers.get(step.key if step.kind != "site" else f"site:{step.key}")

    def body(self, ref: str) -> dict[str, Any]:
        """The request body of ``POST /survey`` (server/api/schemas.py SurveyAnswers)."""
        scores = {u.value: int(self.answers[u.value]) for u in Unsur}
        extra = {key.removeprefix("site:"): int(value) for key, value in self.answers.items()
                 if key.startswith("site:")}
        body: dict[str, Any] = {"ref": ref, "answers": scores,
                                **{key: self.answers[key] for key in PROFILE_KEYS}}
        if self.age is not None:
            body["age"] = self.age
        if extra:
            body["extra"] = extra
        return body


__all__ = ["AGE", "Choice", "Step", "SurveyDraft", "UNSUR_COUNT", "age_allowed", "render", "survey_steps"]
