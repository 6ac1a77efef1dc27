"""Sentences: paragraphs first, then razdel inside each; spans into the body."""

import pytest

from statements.extract.sentences import mark_questions, paragraph_spans, split_sentences
from statements.parse.records import Turn

BODY = (
    "Уважаемые дамы и господа,\n\n"
    "С обеих сторон была выражена готовность к расширению сотрудничества. "
    "Мы едины в том, что ситуация весьма непростая.\n\n"
    "Вопрос: Договорились ли стороны о новой встрече?\n\n"
    "С.В.Лавров: Договорились провести консультации до конца года."
)


def test_spans_point_into_the_body():
    for sentence in split_sentences(BODY):
        assert BODY[sentence.start : sentence.end] == sentence.text


def test_a_blank_line_ends_a_sentence_even_without_a_full_stop():
    texts = [s.text for s in split_sentences(BODY)]
    assert texts[0] == "Уважаемые дамы и господа,"
    assert texts[1].startswith("С обеих сторон")


def test_paragraph_numbers_and_no_sentence_crosses_a_paragraph():
    sentences = split_sentences(BODY)
    assert [s.paragraph for s in sentences] == [0, 1, 1, 2, 3]
    for sentence in sentences:
        assert "\n\n" not in sentence.text


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("", []),
        ("\n\n  \n", []),
        ("Одно предложение.", ["Одно предложение."]),
        ("First one. Second one.\n\nThird one.", ["First one.", "Second one.", "Third one."]),
        # kremlin.ru texts flatten whitespace: a spaced full stop still ends a sentence.
        (
            "Кроме того, подписан пакет документов . Подписание документов по итогам переговоров",
            ["Кроме того, подписан пакет документов .", "Подписание документов по итогам переговоров"],
        ),
        ("Blank lines \n \n with spaces split too.", ["Blank lines", "with spaces split too."]),
    ],
)
def test_split_sentences(body, expected):
    assert [s.text for s in split_sentences(body)] == expected


def test_paragraph_spans_trim_blanks():
    body = "  first \n\n\n second\n"
    assert [body[a:b] for a, b in paragraph_spans(body)] == ["first", "second"]


def test_mark_questions_flags_sentences_in_question_turns():
    question_start = BODY.index("Вопрос:")
    answer_start = BODY.index("С.В.Лавров:")
    turns = [
        Turn(start=question_start, end=answer_start - 2, speaker=None, is_question=True),
        Turn(start=answer_start, end=len(BODY), speaker="Лавров", is_question=False),
    ]
    marked = mark_questions(split_sentences(BODY), turns)
    assert [s.in_question for s in marked] == [False, False, False, True, False]


def test_mark_questions_without_turns_changes_nothing():
    sentences = split_sentences(BODY)
    assert mark_questions(sentences, []) == sentences
