"""Why the catalog validator refused a field, in both languages: each reason has a code and its parameters
(``out_of_range{least,most}``), English for the CLI and the API's ``detail``, Indonesian and English for the
console's forms, where the sentence stands next to the field. server/catalog.py raises them."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

LANGUAGES = ("id", "en")

# code -> (Indonesian, English); the blanks are the parameters the validator gives.
REASONS: dict[str, tuple[str, str]] = {
    "expected_text": ("harus berupa teks, tertulis {got}", "expected text, got {got}"),
    "expected_nonblank_text": ("tidak boleh kosong, tertulis {got}", "expected non-blank text, got {got}"),
    "expected_text_of_most": ("harus berupa teks paling banyak {longest} karakter, tertulis {got}",
                              "expected text of at most {longest} characters, got {got}"),
    "expected_nonblank_text_of_most": (
        "harus diisi, paling banyak {longest} karakter, tertulis {got}",
        "expected non-blank text of at most {longest} characters, got {got}"),
    "expected_whole_number": ("harus bilangan bulat {least}, tertulis {got}",
                              "expected a whole number {least}, got {got}"),
    "out_of_range": ("harus bilangan bulat dari {least} sampai {most}, tertulis {got}",
                     "expected a whole number from {least} to {most}, got {got}"),
    "not_positive_number": ("harus angka di atas 0 dan paling besar {most}, tertulis {got}",
                            "expected a number above 0 and at most {most}, got {got}"),
    "expected_true_or_false": ("harus true atau false, tertulis {got}", "expected true or false, got {got}"),
    "expected_text_list": ("harus daftar teks yang tidak kosong, tertulis {got}",
                           "expected a list of non-blank texts, got {got}"),
    "expected_table_list": ("harus daftar tabel, tertulis {got}", "expected a list of tables, got {got}"),
    "expected_table": ("harus sebuah tabel, tertulis {got}", "expected a table, got {got}"),
    "expected_weekday_list": ("harus daftar hari, tertulis {got}", "expected a list of weekdays, got {got}"),
    "no_weekday": ("pilih paling sedikit satu hari, tertulis {got}", "expected at least one weekday, got {got}"),
    "expected_weekday": ("harus nama hari ({known}), tertulis {got}", "expected a weekday ({known}), got {got}"),
    "expected_date": ("harus tanggal TTTT-BB-HH, tertulis {got}", "expected a date YYYY-MM-DD, got {got}"),
    "expected_priority_policy": ("harus 'first' atau 'interleave', tertulis {got}",
                                 "expected 'first' or 'interleave', got {got}"),
    "bad_prefix": ("harus satu atau dua huruf kapital dengan satu angka atau tanpa angka, misalnya A, B2 atau KT; "
                   "tertulis {got}",
                   "expected one or two capital letters and a digit or none, like A, B2 or KT, got {got}"),
    "expected_service_id_list": ("harus daftar id layanan, tertulis {got}",
                                 "expected a list of service ids, got {got}"),
    "expected_service_id": ("harus id layanan, tertulis {got}", "expected a service id, got {got}"),
    "unknown_key": ("isian tidak dikenal ({hint})", "unknown key ({hint})"),
    "unknown_weekday_key": ("hari tidak dikenal ({hint})", "unknown weekday ({hint})"),
    "unknown_weekday": ("hari tidak dikenal {day} ({hint})", "unknown weekday {day} ({hint})"),
    "named_twice": ("{value} disebut dua kali", "{value} is named twice"),
    "bad_hours": ("bukan rentang jam JJ.MM-JJ.MM yang mulai sebelum selesai: {text}", "{detail}"),
    "bad_time": ("bukan jam JJ.MM: {text}", "{detail}"),
    "break_ends_before_start": ("istirahat selesai sebelum mulai ({span})", "the break ends before it starts ({span})"),
    "cutoff_not_shorter": (
        "batas akhir {cutoff} menit tidak lebih pendek dari jam buka hari {day} ({span}): hari itu tidak ada "
        "tiket yang bisa diambil",
        "a cut-off of {cutoff} minutes is not shorter than the hours on {day} ({span}): no ticket could be "
        "taken that day"),
    "break_never_applies": (
        "istirahat {span} pada {days} berada di luar jam buka pada setiap hari itu, jadi tidak pernah berlaku",
        "the break {span} on {days} falls outside the opening hours on each of those days, so it would never apply"),
    "duplicate_holiday": ("{day} sudah tercatat di {other}", "{day} is already {other}"),
    "unknown_time_zone": ("zona waktu tidak dikenal {zone}", "unknown time zone {zone}"),
    "no_site": ("katalog memerlukan tabel [site]", "the catalog needs a [site] table"),
    "duplicate_agency_id": ("{id} sudah menjadi id {other}", "{id} is already the id of {other}"),
    "duplicate_service_id": ("{id} sudah menjadi id {other}", "{id} is already the id of {other}"),
    "duplicate_prefix": ("{prefix} sudah menjadi awalan {other}", "{prefix} is already the prefix of {other}"),
    "duplicate_loket_id": ("{id} sudah menjadi id {other}", "{id} is already the id of {other}"),
    "no_loket_serves": (
        "tidak ada loket yang melayani {id}, jadi tiketnya tidak pernah bisa dipanggil (tambahkan ke sebuah loket, "
        "atau set active = false)",
        "no loket serves {id}, so its tickets could never be called (list it under a loket, or set active = false)"),
    "loket_serves_nothing": ("loket harus melayani paling sedikit satu layanan",
                             "a loket must serve at least one service"),
    "unknown_service": ("layanan tidak dikenal {id}{hint}", "unknown service {id}{hint}"),
    "not_utf8": ("bukan teks UTF-8 (byte {byte} pada posisi {offset}); simpan sebagai UTF-8",
                 "not UTF-8 text (byte {byte} at offset {offset}); save it as UTF-8"),
    "not_toml": ("bukan TOML yang benar: {detail}", "not valid TOML: {detail}"),
    # The site's own survey questions ([[survey.questions]]).
    "too_many_questions": ("paling banyak {most} pertanyaan, tertulis {got}",
                           "expected at most {most} questions, got {got}"),
    "bad_question_id": ("harus id huruf kecil dari huruf, angka dan _, misalnya kebersihan; tertulis {got}",
                        "expected a lowercase id of letters, digits and _, like kebersihan, got {got}"),
    "question_id_is_unsur": ("{id} adalah salah satu dari sembilan unsur; beri pertanyaan id sendiri",
                             "{id} is one of the nine unsur; give the question an id of its own"),
    "duplicate_question_id": ("{id} sudah menjadi id {other}", "{id} is already the id of {other}"),
    "expected_question_kind": ("harus scale atau text, tertulis {got}", "expected scale or text, got {got}"),
    "expected_four_labels": ("harus empat kata jawaban, dari terburuk (1) sampai terbaik (4); tertulis {got}",
                             "expected the four answers' words, from worst (1) to best (4), got {got}"),
    "expected_four_labels_en": ("harus empat kata jawaban dalam bahasa Inggris, tertulis {got}",
                                "expected the four answers' words in English, got {got}"),
    "text_question_has_no_labels": ("pertanyaan teks tidak punya pilihan jawaban",
                                    "a text question has no answers to choose from"),
    # A service's bookings ([agencies.services.booking]).
    "booking_needs": ("pengaturan booking memerlukan {key}", "the booking settings need {key}"),
    "booking_week_below_day": ("batas per minggu ({week}) lebih kecil dari batas per hari ({day})",
                               "the limit a week ({week}) is below the limit a day ({day})"),
    "booking_no_slot": ("slot {minutes} menit tidak muat di jam buka hari mana pun, jadi tidak ada slot booking",
                        "a slot of {minutes} minutes fits in no day's opening hours, so there would be no slot"),
}
# The parts a reason's blanks are made of, in each language: a hint at the key meant, a value of no kind.
HINTS: dict[str, tuple[str, str]] = {
    "near": ("maksud Anda {near}?", "did you mean {near}?"),
    "known": ("yang dikenal: {known}", "known: {known}"),
    "near_service": (" (maksud Anda {near}?)", " (did you mean {near}?)"),
}
KINDS_OF_VALUE: dict[str, tuple[str, str]] = {
    "nothing": ("kosong", "nothing"),
    "a table": ("sebuah tabel", "a table"),
    "a list": ("sebuah daftar", "a list"),
}


def sentence(code: str, params: Mapping[str, Any], lang: str = "en") -> str:
    """The reason in ``lang`` ("id" or "en"); a code this build does not know is shown as its code."""
    which = LANGUAGES.index(lang) if lang in LANGUAGES else 1
    words = dict(params)
    if "got" in words:
        got = str(words["got"])
        words["got"] = KINDS_OF_VALUE[got][which] if got in KINDS_OF_VALUE else got
    hint = words.get("hint")
    if isinstance(hint, Mapping) and len(hint) == 1:
        (kind, value), = hint.items()
        words["hint"] = HINTS[kind][which].format(**{kind.removesuffix("_service"): value})
    elif hint is None and "hint" in words:
        words["hint"] = ""
    template = REASONS.get(code)
    if template is None:
        return code
    try:
        return template[which].format(**words)
    except (KeyError, IndexError, ValueError):
        return code
