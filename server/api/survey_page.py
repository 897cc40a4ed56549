"""The survey on the citizen's phone: once its ticket is done, the QR's page /t/{token} is the SKM form (plain
HTML, no script), posted to /t/{token}/survey with a mark bound to the ticket's token; Indonesian first,
English by ``?lang=en`` or the browser's language. The answer goes through the same intake as the API's."""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse
from jinja2 import Environment, FileSystemLoader, StrictUndefined

from core.survey import (
    AGE_RANGE,
    COMMENT_MAX,
    EDUCATION_LABELS,
    GENDER_LABELS,
    OCCUPATION_LABELS,
    QUESTIONNAIRE,
    Unsur,
)
from core.wire import ErrorCode, SurveyForm
from server.api.deps import engine
from server.console import csrf
from server.engine.survey import EXTRA_TEXT_MAX, Reply
from server.errors import ApiError

pages = APIRouter()
LANGUAGES = ("id", "en")
PROFILE = (("gender", GENDER_LABELS), ("education", EDUCATION_LABELS), ("occupation", OCCUPATION_LABELS))
# No script may run on the page, whatever a comment or a catalog text holds; its one style is inline.
HEADERS = {"Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; "
                                      "frame-ancestors 'none'; base-uri 'none'",
           "X-Content-Type-Options": "nosniff", "Referrer-Policy": "same-origin", "Cache-Control": "no-store"}

TEXT: dict[str, tuple[str, str]] = {
    "title": ("Survei Kepuasan Masyarakat", "Public Satisfaction Survey"),
    "intro": ("Tiket {code} sudah selesai dilayani. Mohon nilai pelayanan kami: sembilan pertanyaan, kurang dari "
              "satu menit. Tanpa nama, NIK, atau nomor telepon.",
              "Ticket {code} has been served. Please rate our service: nine questions, under a minute. No name, "
              "NIK or phone number is asked."),
    "until": ("Dapat diisi sampai {date}.", "Open until {date}."),
    "profile": ("Tentang Anda", "About you"),
    "gender": ("Jenis kelamin", "Gender"),
    "education": ("Pendidikan terakhir", "Education"),
    "occupation": ("Pekerjaan", "Occupation"),
    "age": ("Umur (boleh dikosongkan)", "Age (optional)"),
    "comment": ("Kritik dan saran (boleh dikosongkan)", "Criticism and suggestions (optional)"),
    "comment_hint": ("Paling banyak {n} huruf. Jangan menulis NIK atau nomor telepon.",
                     "At most {n} characters. Please do not write your NIK or phone number."),
    "extra": ("Pertanyaan tambahan (boleh dikosongkan)", "More questions (optional)"),
    "submit": ("Kirim jawaban", "Send answers"),
    "missing": ("Pilih salah satu jawaban.", "Please choose one answer."),
    "wrong_age": ("Umur {low}–{high} tahun, atau kosongkan.", "An age of {low}–{high}, or leave it empty."),
    "too_long": ("Terlalu panjang: paling banyak {n} huruf.", "Too long: at most {n} characters."),
    "fix": ("Ada jawaban yang belum diisi; lihat tanda merah.", "Some answers are missing; see the red notes."),
    "thanks_title": ("Terima kasih!", "Thank you!"),
    "thanks": ("Jawaban Anda untuk tiket {code} sudah kami terima. Penilaian Anda membantu kami memperbaiki "
               "pelayanan.", "We have received your answers for ticket {code}. Your rating helps us improve."),
    "answered": ("Survei untuk tiket {code} sudah diisi. Terima kasih.",
                 "The survey for ticket {code} has already been answered. Thank you."),
    "closed": ("Survei untuk tiket {code} sudah ditutup: survei dapat diisi sampai {date}.",
               "The survey for ticket {code} has closed: it could be answered until {date}."),
    "stale_form": ("Formulir ini tidak dapat dikirim. Buka lagi tautan tiket Anda, lalu isi kembali.",
                   "This form could not be sent. Open your ticket's link again and fill it in once more."),
    "not_found": ("Tiket tidak ditemukan.", "Ticket not found."),
    "unavailable": ("Survei sedang tidak dapat dibuka. Silakan coba lagi nanti.",
                    "The survey cannot be opened just now. Please try again later."),
    "other_language": ("English", "Bahasa Indonesia"),
    "done": ("Selesai", "Done"),
}

_TEMPLATES = Environment(loader=FileSystemLoader(Path(__file__).with_name("templates")), autoescape=True,
                         undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
_ACCEPT = re.compile(r"\s*([A-Za-z]{1,8})(?:-[A-Za-z0-9]{1,8})*\s*(?:;\s*q\s*=\s*([0-9.]+))?\s*")


def language(request: Request, chosen: str | None = None) -> str:
    """``?lang=`` (or the form's) when it names one of ours; else the browser's first choice of ours; else
    Indonesian."""
    asked = chosen or request.query_params.get("lang")
    if asked in LANGUAGES:
        return str(asked)
    ranked: list[tuple[float, int, str]] = []
    for n, part in enumerate(request.headers.get("accept-language", "").split(",")[:20]):
        match = _ACCEPT.fullmatch(part)
        if match:
            try:
                weight = float(match.group(2)) if match.group(2) else 1.0
            except ValueError:
                continue
            ranked.append((-weight, n, match.group(1).lower()))
    return next((tag for negated, _, tag in sorted(ranked) if tag in LANGUAGES and negated < 0), "id")


def _say(lang: str) -> Any:
    second = lang == "en"
    return lambda key, **params: TEXT[key][second].format(**params)


def form_mark(request: Request, token: str) -> str:
    """The form's CSRF mark: bound to this ticket's token and keyed with the server's secret."""
    return csrf.mark_for(engine(request).nik_key, f"survey:{token}")


def survey_page(request: Request, token: str, *, status: int = 200, lang: str | None = None,
                typed: Mapping[str, str] | None = None, problems: Mapping[str, str] | None = None,
                form: SurveyForm | None = None) -> HTMLResponse:
    """The form for a done ticket, or why it cannot be answered (answered, closed) in words: a page to read,
    so a 200 like the ticket's status before it."""
    lang = language(request, lang)
    say = _say(lang)
    try:
        form = form or engine(request).survey.by_token(token)
    except ApiError as refusal:
        return _notice(request, token, lang, refusal, status=200)
    html = _TEMPLATES.get_template("survey.html").render(
        t=say, lang=lang, other="en" if lang == "id" else "id", token=token, form=form,
        mark=form_mark(request, token), unsur=_unsur_questions(lang), extra=_extra_questions(form, lang),
        profile=_profile(lang),
        typed=typed or {}, problems=problems or {}, age_range=AGE_RANGE, comment_max=COMMENT_MAX,
        extra_max=EXTRA_TEXT_MAX, service=form.service_name_en if lang == "en" else form.service_name,
        agency=form.agency_name_en if lang == "en" else form.agency_name)
    return HTMLResponse(html, status_code=status, headers=HEADERS)


def _unsur_questions(lang: str) -> list[dict[str, Any]]:
    second = lang == "en"
    return [{"id": q.unsur.value, "name": f"u_{q.unsur.value}", "title": (q.name_id, q.name_en)[second],
             "question": (q.question_id, q.question_en)[second],
             "options": [(a.score, (a.label_id, a.label_en)[second]) for a in q.answers]} for q in QUESTIONNAIRE]


def _extra_questions(form: SurveyForm, lang: str) -> list[dict[str, Any]]:
    second = lang == "en"
    return [{"id": q.id, "name": f"x_{q.id}", "title": (q.text, q.text_en)[second], "kind": q.kind,
             "options": list(enumerate((q.labels, q.labels_en)[second], start=1))} for q in form.questions]


def _profile(lang: str) -> list[tuple[str, list[tuple[str, str]]]]:
    second = lang == "en"
    return [(field, [(choice.value, label[second]) for choice, label in labels.items()]) for field, labels in PROFILE]


def _notice(request: Request, token: str, lang: str, refusal: ApiError, *, status: int | None = None,
            code: str = "") -> HTMLResponse:
    """A page that says, in the page's language, why there is no form (or that the answer arrived)."""
    say = _say(lang)
    code = code or str(refusal.params.get("code", ""))
    words = {
        ErrorCode.SURVEY_ALREADY_ANSWERED: ("answered", {"code": code}),
        ErrorCode.SURVEY_CLOSED: ("closed", {"code": code, "date": refusal.params.get("answerable_until", "")}),
        ErrorCode.TICKET_NOT_FOUND: ("not_found", {}),
    }.get(refusal.code, ("unavailable", {}))
    html = _TEMPLATES.get_template("survey_notice.html").render(
        t=say, lang=lang, other="en" if lang == "id" else "id", token=token, heading=say("title"),
        message=say(words[0], **words[1]), kind=words[0])
    return HTMLResponse(html, status_code=status or refusal.status, headers=HEADERS)


@pages.post("/t/{token}/survey", response_class=HTMLResponse)
async def answer_page(token: str, request: Request) -> HTMLResponse:
    """The form's answer: refused whole (nothing stored) when its mark is not this ticket's; a missing or
    wrong answer shows the form again with what was chosen and the reason beside the question."""
    form_data = await request.form()
    typed = {k: v for k, v in form_data.items() if isinstance(v, str)}
    lang = language(request, typed.get("lang"))
    say = _say(lang)
    try:
        csrf.check(request, typed.get(csrf.FIELD), form_mark(request, token))
    except csrf.CsrfRefused:
        html = _TEMPLATES.get_template("survey_notice.html").render(
            t=say, lang=lang, other="en" if lang == "id" else "id", token=token, heading=say("title"),
            message=say("stale_form"), kind="stale_form")
        return HTMLResponse(html, status_code=403, headers=HEADERS)
    try:
        form = await run_in_threadpool(engine(request).survey.by_token, token)
    except ApiError as refusal:
        return _notice(request, token, lang, refusal)
    problems = _blanks(typed, form, say)
    if problems:
        return survey_page(request, token, status=422, lang=lang, typed=typed, problems=problems, form=form)
    try:
        reply = _reply(form.ref, typed, form)
    except ValueError:
        return survey_page(request, token, status=422, lang=lang, typed=typed, form=form,
                           problems={"age": say("wrong_age", low=AGE_RANGE[0], high=AGE_RANGE[1])})
    try:
        await run_in_threadpool(engine(request).survey.answer, reply)
    except ApiError as refusal:
        if refusal.code is ErrorCode.SURVEY_INVALID:
            field = str(refusal.params.get("field", ""))
            return survey_page(request, token, status=422, lang=lang, typed=typed, form=form,
                               problems={_input_of(field): _reason(field, say)})
        return _notice(request, token, lang, refusal, code=form.code)
    html = _TEMPLATES.get_template("survey_notice.html").render(
        t=say, lang=lang, other="en" if lang == "id" else "id", token=token, heading=say("thanks_title"),
        message=say("thanks", code=form.code), kind="thanks")
    return HTMLResponse(html, headers=HEADERS)


def _blanks(typed: Mapping[str, str], form: SurveyForm, say: Any) -> dict[str, str]:
    """Every question of the nine and of the profile left unanswered, each with its note."""
    needed = [f"u_{unsur.value}" for unsur in Unsur] + [field for field, _ in PROFILE]
    return {name: say("missing") for name in needed if not typed.get(name, "").strip()}


def _reply(ref: str, typed: Mapping[str, str], form: SurveyForm) -> Reply:
    """The form's fields as the intake takes them; a number that is no number is a ValueError (the age)."""
    age_text = typed.get("age", "").strip()
    extra: dict[str, Any] = {}
    for question in form.questions:
        value = typed.get(f"x_{question.id}", "").strip()
        if value:
            extra[question.id] = _score(value) if question.kind == "scale" else value
    return Reply(ref=ref, channel="phone",
                 answers={unsur.value: _score(typed.get(f"u_{unsur.value}", "")) for unsur in Unsur},
                 gender=typed.get("gender"), education=typed.get("education"), occupation=typed.get("occupation"),
                 age=int(age_text) if age_text else None, comment=typed.get("comment") or None, extra=extra)


def _score(value: str) -> int | str:
    """A radio's value as its score; anything else is passed on as it is, for the intake to refuse."""
    return int(value) if value.strip().isascii() and value.strip().isdigit() else value


def _input_of(field: str) -> str:
    """The form input that an intake refusal's field names (``answers.waktu`` is ``u_waktu``)."""
    if field.startswith("answers."):
        return "u_" + field.removeprefix("answers.")
    if field.startswith("extra."):
        return "x_" + field.removeprefix("extra.")
    return field


def _reason(field: str, say: Any) -> str:
    if field == "age":
        return str(say("wrong_age", low=AGE_RANGE[0], high=AGE_RANGE[1]))
    if field == "comment":
        return str(say("too_long", n=COMMENT_MAX))
    return str(say("missing"))
