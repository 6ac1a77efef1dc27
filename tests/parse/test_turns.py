"""Q&A transcripts split into turns: spans of the body, each with its speaker."""

import pytest

from statements.parse.turns import find_turns, read_label


@pytest.mark.parametrize(
    ("paragraph", "label"),
    [
        ("Вопрос: Как Вы можете прокомментировать международную реакцию?", "Вопрос"),
        ("С.В.Лавров: Реакция известна.", "С.В.Лавров"),
        ("С.В.Лавров (перевод с английского языка): Только что ответил на этот вопрос.", "С.В.Лавров"),
        ("М.В.Захарова: Обратили внимание на заявления.", "М.В.Захарова"),
        ("В.Путин: Уважаемый господин Министр!", "В.Путин"),
        ("Х.Бен Тарек Аль Саид (как переведено): Большое спасибо, господин Президент.", "Х.Бен Тарек Аль Саид"),
        ("Ван И (как переведено): Уважаемый Президент Путин!", "Ван И"),
        ("Question: The big question that most are asking is the reason for this operation.", "Question"),
        ("Sergey Lavrov: The real reason is the complacency of most countries.", "Sergey Lavrov"),
        ("Foreign Minister Ivanov:", "Foreign Minister Ivanov"),
        ("Answer: Some tasks are of a strategic character.", "Answer"),
    ],
)
def test_labels(paragraph, label):
    assert read_label(paragraph)[0] == label


@pytest.mark.parametrize(
    "paragraph",
    [
        "Подчеркну: наши сегодняшние переговоры были полезными.",
        "Текст Указа: 1. Назначить Баканова Дмитрия Владимировича.",
        "Российская Федерация: позиция неизменна.",
        "Key points:",
        "Russian Paralympic Committee: the team is ready.",
        "READ MORE: the full text.",
    ],
)
def test_not_labels(paragraph):
    assert read_label(paragraph) is None


def test_interview_turns_keep_questions_apart():
    body = (
        "Вопрос: Как Вы можете прокомментировать реакцию?\n\n"
        "С.В.Лавров: Реакция известна.\n\n"
        "Она ожидаема.\n\n"
        "Вопрос (перевод с английского языка): А что дальше?\n\n"
        "С.В.Лавров (перевод с английского языка): Продолжим диалог."
    )
    turns, speakers = find_turns(body, ["Лавров"])
    assert [(body[t.start : t.end].split(":")[0], t.speaker, t.is_question) for t in turns] == [
        ("Вопрос", None, True),
        ("С.В.Лавров", "Лавров", False),
        ("Вопрос (перевод с английского языка)", None, True),
        ("С.В.Лавров (перевод с английского языка)", "Лавров", False),
    ]
    assert body[turns[1].start : turns[1].end] == "С.В.Лавров: Реакция известна.\n\nОна ожидаема."
    assert speakers == ["Лавров"]


def test_answer_label_gives_the_main_speaker():
    body = "Question: Why February 10?\n\nAnswer: On this day the Ambassadorial Office was created."
    turns, speakers = find_turns(body, ["Ivanov"])
    assert [(t.speaker, t.is_question) for t in turns] == [(None, True), ("Ivanov", False)]
    assert speakers == ["Ivanov"]


def test_a_journalist_is_not_a_speaker():
    body = (
        "В.Путин: Уважаемый Александр Григорьевич! Благодарю вас за внимание.\n\n"
        "А.Лукашенко: Уважаемый Владимир Владимирович! Спасибо.\n\n"
        "Н.Бреус: Здравствуйте! Наталья Бреус, «Первый информационный», Беларусь. "
        "Повлияет ли это на сотрудничество?\n\n"
        "В.Путин: Что касается импортозамещения, мы продолжим.\n\n"
        "О.Князева: Здравствуйте! Первый вопрос Владимиру Владимировичу: как Вы оцениваете ситуацию. Спасибо.\n\n"
        "В.Путин: Оцениваю положительно."
    )
    turns, speakers = find_turns(body, ["Путин"])
    assert speakers == ["Путин", "Лукашенко"]
    assert [t.speaker for t in turns if t.is_question] == ["Бреус", "Князева"]


def test_no_labels_no_turns():
    assert find_turns("Уважаемые дамы и господа,\n\nМы провели переговоры.", ["Лавров"]) == ([], [])
