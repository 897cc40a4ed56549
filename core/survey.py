"""The Survei Kepuasan Masyarakat (SKM) questionnaire every app shows and the server checks answers against.

The nine unsur, their questions and their four answers follow the sample questionnaire of Lampiran I
of PermenPANRB 14/2017 (Pedoman Penyusunan Survei Kepuasan Masyarakat Unit Penyelenggara Pelayanan
Publik), as reproduced at https://pdfcoffee.com/permen-14-2017-okkk-pdf-free.html (the questionnaire)
and https://puskaandriana.blogspot.com/2023/03/permenpan-no-14-th-2017-tentang-survey.html (the
regulation's text). The order is the regulation's list of unsur (its sample form asks sarana before
pengaduan); the English is ours. Answers are stored by unsur, never by position, so the order may
change on a screen without changing a figure.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass
from typing import NamedTuple


class Unsur(enum.StrEnum):
    PERSYARATAN = "persyaratan"
    PROSEDUR = "prosedur"        # sistem, mekanisme dan prosedur
    WAKTU = "waktu"              # waktu penyelesaian
    BIAYA = "biaya"              # biaya/tarif
    PRODUK = "produk"            # produk spesifikasi jenis pelayanan
    KOMPETENSI = "kompetensi"    # kompetensi pelaksana
    PERILAKU = "perilaku"        # perilaku pelaksana
    PENGADUAN = "pengaduan"      # penanganan pengaduan, saran dan masukan
    SARANA = "sarana"            # sarana dan prasarana


@dataclass(frozen=True)
class AnswerChoice:
    score: int  # 1 (worst) .. 4 (best)
    label_id: str
    label_en: str


@dataclass(frozen=True)
class UnsurQuestion:
    unsur: Unsur
    name_id: str
    name_en: str
    question_id: str
    question_en: str
    answers: tuple[AnswerChoice, AnswerChoice, AnswerChoice, AnswerChoice]


def _four(*labels: tuple[str, str]) -> tuple[AnswerChoice, AnswerChoice, AnswerChoice, AnswerChoice]:
    first, second, third, fourth = (AnswerChoice(score, label_id, label_en)
                                    for score, (label_id, label_en) in enumerate(labels, start=1))
    return first, second, third, fourth


QUESTIONNAIRE: tuple[UnsurQuestion, ...] = (
    UnsurQuestion(
        Unsur.PERSYARATAN, "Persyaratan", "Requirements",
        "Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?",
        "How well do the service's requirements fit the kind of service?",
        _four(("Tidak sesuai", "Not suitable"), ("Kurang sesuai", "Less suitable"), ("Sesuai", "Suitable"),
              ("Sangat sesuai", "Very suitable"))),
    UnsurQuestion(
        Unsur.PROSEDUR, "Sistem, Mekanisme, dan Prosedur", "System, mechanism and procedure",
        "Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?",
        "How easy was the service's procedure here?",
        _four(("Tidak mudah", "Not easy"), ("Kurang mudah", "Less easy"), ("Mudah", "Easy"),
              ("Sangat mudah", "Very easy"))),
    UnsurQuestion(
        Unsur.WAKTU, "Waktu Penyelesaian", "Completion time",
        "Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?",
        "How fast was the service given?",
        _four(("Tidak cepat", "Not fast"), ("Kurang cepat", "Less fast"), ("Cepat", "Fast"),
              ("Sangat cepat", "Very fast"))),
    UnsurQuestion(
        Unsur.BIAYA, "Biaya/Tarif", "Cost/fee",
        "Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?",
        "How fair was the cost or fee of the service?",
        _four(("Sangat mahal", "Very expensive"), ("Cukup mahal", "Rather expensive"), ("Murah", "Cheap"),
              ("Gratis", "Free"))),
    UnsurQuestion(
        Unsur.PRODUK, "Produk Spesifikasi Jenis Pelayanan", "Product of the service",
        "Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar "
        "pelayanan dengan hasil yang diberikan?",
        "How well does what you received match what the service standard promises?",
        _four(("Tidak sesuai", "Not suitable"), ("Kurang sesuai", "Less suitable"), ("Sesuai", "Suitable"),
              ("Sangat sesuai", "Very suitable"))),
    UnsurQuestion(
        Unsur.KOMPETENSI, "Kompetensi Pelaksana", "Staff competence",
        "Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?",
        "How competent were the staff who served you?",
        _four(("Tidak kompeten", "Not competent"), ("Kurang kompeten", "Less competent"), ("Kompeten", "Competent"),
              ("Sangat kompeten", "Very competent"))),
    UnsurQuestion(
        Unsur.PERILAKU, "Perilaku Pelaksana", "Staff conduct",
        "Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?",
        "How polite and friendly were the staff who served you?",
        _four(("Tidak sopan dan ramah", "Not polite and friendly"),
              ("Kurang sopan dan ramah", "Less polite and friendly"),
              ("Sopan dan ramah", "Polite and friendly"), ("Sangat sopan dan ramah", "Very polite and friendly"))),
    UnsurQuestion(
        Unsur.PENGADUAN, "Penanganan Pengaduan, Saran dan Masukan", "Handling of complaints and suggestions",
        "Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?",
        "How are the complaints of the service's users handled?",
        _four(("Tidak ada", "There is none"), ("Ada tetapi tidak berfungsi", "There is one, but it does not work"),
              ("Berfungsi kurang maksimal", "It works, but not fully"), ("Dikelola dengan baik", "Well managed"))),
    UnsurQuestion(
        Unsur.SARANA, "Sarana dan Prasarana", "Facilities",
        "Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?",
        "How good are the facilities?",
        _four(("Buruk", "Poor"), ("Cukup", "Fair"), ("Baik", "Good"), ("Sangat baik", "Very good"))),
)

SCORES = (1, 2, 3, 4)


class Label(NamedTuple):
    id: str
    en: str


class Gender(enum.StrEnum):
    LAKI_LAKI = "laki_laki"
    PEREMPUAN = "perempuan"


class Education(enum.StrEnum):
    SD = "sd"
    SMP = "smp"
    SMA = "sma"
    DIPLOMA = "diploma"
    S1 = "s1"
    S2 = "s2"
    S3 = "s3"


class Occupation(enum.StrEnum):
    PNS = "pns"
    TNI = "tni"
    POLRI = "polri"
    SWASTA = "swasta"
    WIRAUSAHA = "wirausaha"
    PELAJAR = "pelajar"
    LAINNYA = "lainnya"


GENDER_LABELS: Mapping[Gender, Label] = {
    Gender.LAKI_LAKI: Label("Laki-laki", "Male"),
    Gender.PEREMPUAN: Label("Perempuan", "Female"),
}
EDUCATION_LABELS: Mapping[Education, Label] = {
    Education.SD: Label("SD", "Primary school"),
    Education.SMP: Label("SMP", "Junior high school"),
    Education.SMA: Label("SMA/SMK", "Senior high school"),
    Education.DIPLOMA: Label("Diploma (D1–D4)", "Diploma"),
    Education.S1: Label("S1", "Bachelor's degree"),
    Education.S2: Label("S2", "Master's degree"),
    Education.S3: Label("S3", "Doctorate"),
}
OCCUPATION_LABELS: Mapping[Occupation, Label] = {
    Occupation.PNS: Label("PNS", "Civil servant"),
    Occupation.TNI: Label("TNI", "Armed forces"),
    Occupation.POLRI: Label("POLRI", "Police"),
    Occupation.SWASTA: Label("Pegawai swasta", "Private employee"),
    Occupation.WIRAUSAHA: Label("Wirausaha", "Self-employed"),
    Occupation.PELAJAR: Label("Pelajar/Mahasiswa", "Student"),
    Occupation.LAINNYA: Label("Lainnya", "Other"),
}

AGE_RANGE = (15, 100)   # optional; inclusive
COMMENT_MAX = 500       # characters of "kritik dan saran"
ANSWER_DAYS = 7         # a served ticket may answer until this many days after its service date
