"""The questionnaire every app shows: PermenPANRB 14/2017's nine unsur in its order, four answers each
scored 1..4, every text in both languages; the profile's choices labelled in both too."""

from __future__ import annotations

from core.survey import (
    EDUCATION_LABELS,
    GENDER_LABELS,
    OCCUPATION_LABELS,
    QUESTIONNAIRE,
    Education,
    Gender,
    Occupation,
    Unsur,
)


def test_nine_unsur_in_the_regulations_order():
    assert [question.unsur for question in QUESTIONNAIRE] == list(Unsur)
    assert [unsur.value for unsur in Unsur] == ["persyaratan", "prosedur", "waktu", "biaya", "produk",
                                                "kompetensi", "perilaku", "pengaduan", "sarana"]


def test_four_answers_scored_one_to_four():
    for question in QUESTIONNAIRE:
        assert [answer.score for answer in question.answers] == [1, 2, 3, 4], question.unsur


def test_every_text_in_both_languages():
    for question in QUESTIONNAIRE:
        texts = [question.name_id, question.name_en, question.question_id, question.question_en]
        texts += [label for answer in question.answers for label in (answer.label_id, answer.label_en)]
        assert all(text.strip() for text in texts), question.unsur
        assert question.question_id != question.question_en


def test_profile_choices_all_labelled():
    for enum_type, labels in ((Gender, GENDER_LABELS), (Education, EDUCATION_LABELS),
                              (Occupation, OCCUPATION_LABELS)):
        assert set(labels) == set(enum_type)
        assert all(label.id.strip() and label.en.strip() for label in labels.values())
