"""Agreements: a table of real sentences from the corpus (outside the dev set)."""

import datetime as dt

import pytest

from statements.extract.agreements import classify, find_agreements, is_history
from statements.extract.sentences import Sentence, split_sentences

AGREED = "agreed"
REAFFIRMED = "reaffirmed"

# (sentence, lang, expected kind or None); kremlin.ru 2025 and the MFA's
# English Telegram channel, none of them from shared/gold/dev.jsonl.
WORDING = [
    # Agreed: reciprocal verbs, impersonal readouts, signed or adopted documents.
    (
        (
            "Президенты условились активизировать совместную работу по всестороннему укреплению "
            "российско-иранского практического сотрудничества и координации на внешнеполитическом "
            "направлении."
        ),
        "ru",
        AGREED,
    ),
    (
        (
            "По итогам российско-венесуэльских переговоров главы государств подписали Договор между "
            "Российской Федерацией и Боливарианской Республикой Венесуэла о стратегическом партнёрстве "
            "и сотрудничестве."
        ),
        "ru",
        AGREED,
    ),
    (
        (
            "Условлено предпринимать скоординированные усилия, направленные на наращивание "
            "инвестиционных связей и расширение взаимовыгодной кооперации в промышленности, энергетике,"
            " в сферах транспорта и логистики, культуры и спорта."
        ),
        "ru",
        AGREED,
    ),
    ("Достигнуты договорённости об активизации совместной работы в области промышленной кооперации.", "ru", AGREED),
    (
        (
            "С удовлетворением отмечу, что полностью согласован Договор о стратегическом партнёрстве и "
            "сотрудничестве, который создаст хороший, прочный фундамент для дальнейшего расширения "
            "многоплановых связей на долгосрочную перспективу."
        ),
        "ru",
        AGREED,
    ),
    (
        (
            "Владимир Путин и Дональд Трамп договорились о продолжении личных контактов, в том числе об"
            " организации личных встреч."
        ),
        "ru",
        AGREED,
    ),
    (
        (
            "По их итогам принято совместное заявление лидеров, подписан ряд межправительственных и "
            "межведомственных документов."
        ),
        "ru",
        AGREED,
    ),
    ("Мы договорились, что в июне этого года в России пройдут Дни культуры Таджикистана.", "ru", AGREED),
    (
        (
            "3. Россия и США согласились разработать меры по реализации договоренностей президентов "
            "двух стран о запрете ударов по объектам энергетики России и Украины сроком на 30 суток."
        ),
        "ru",
        AGREED,
    ),
    (
        (
            "The Ministers agreed to continue close cooperation through bilateral channels and to "
            "coordinate steps at international venues, above all within the UN."
        ),
        "en",
        AGREED,
    ),
    ("It was agreed to maintain contacts at various levels.", "en", AGREED),
    (
        (
            "Sergey Lavrov and Faisal bin Farhan agreed to maintain continuous communication in the "
            "interests of a peaceful resolution to the situation."
        ),
        "en",
        AGREED,
    ),
    (
        (
            "On the margins of the UN General Assembly, Foreign Minister Sergey Lavrov and his "
            "Grenadian counterpart Joseph Andall signed the Agreement on the Basic Principles of "
            "Relations between our countries."
        ),
        "en",
        AGREED,
    ),
    (
        (
            "A signing ceremony was held, during which the Ministers signed an Agreement between the "
            "Government of the Russian Federation and the Government of the Islamic Republic of Mauritania "
            "on visa-free travel for holders of diplomatic or service passports."
        ),
        "en",
        AGREED,
    ),
    (
        (
            "A significant milestone was reached on February 12, when Russian Foreign Minister Sergey "
            "Lavrov and his Burkinabe counterpart, Karamoko Traoré, signed the Agreement on the "
            "Principles of Relations."
        ),
        "en",
        AGREED,
    ),
    (
        (
            "Such was the nature of the conversation, at the end of which both presidents, in a very "
            "friendly manner, agreed to maintain dialogue onwards."
        ),
        "en",
        AGREED,
    ),
    # Reaffirmed: joint confirmations, shared positions, joint future commitments.
    (
        (
            "Отмечена решимость двух стран отстаивать правду о событиях Второй мировой войны, "
            "противодействовать попыткам пересмотра её итогов и фальсификации истории."
        ),
        "ru",
        REAFFIRMED,
    ),
    (
        (
            "Россия и Катар будут и далее взаимодействовать в интересах устойчивой стабилизации "
            "социально-экономической обстановки в стране в нынешний переходный период."
        ),
        "ru",
        REAFFIRMED,
    ),
    (
        (
            "Выражена озабоченность в связи с возобновлением боевых действий в секторе Газа, "
            "подчёркнута готовность обеих стран содействовать деэскалации напряжённости и долгосрочной "
            "нормализации в регионе."
        ),
        "ru",
        REAFFIRMED,
    ),
    (
        (
            "Подтверждена обоюдная заинтересованность в дальнейшем всестороннем укреплении российско-"
            "узбекистанского стратегического партнёрства и союзничества."
        ),
        "ru",
        REAFFIRMED,
    ),
    ("5. Россия и США продолжат работу по достижению прочного и продолжительного мира.", "ru", REAFFIRMED),
    ("Позиции России и Мьянмы по многим из них практически совпадают или очень близки.", "ru", REAFFIRMED),
    ("По всем этим темам лидеры будут находиться в тесном контакте.", "ru", REAFFIRMED),
    (
        (
            "С обеих сторон с удовлетворением констатирован высокий уровень российско-саудовского "
            "сотрудничества и подтверждён настрой на его дальнейшее развитие в дружественном и "
            "конструктивном ключе."
        ),
        "ru",
        REAFFIRMED,
    ),
    (
        (
            "Обсуждение актуальной региональной и глобальной повестки дня вновь подтвердило общность "
            "позиций наших стран."
        ),
        "ru",
        REAFFIRMED,
    ),
    (
        (
            "The Sides reaffirmed their mutual commitment to developing the Russia-Seychelles "
            "partnership in international affairs."
        ),
        "en",
        REAFFIRMED,
    ),
    (
        (
            "The mutual commitment of Moscow and Kigali to deepening political dialogue and "
            "strengthening coordination at the UN and other multilateral platforms in addressing "
            "global and regional issues was reaffirmed."
        ),
        "en",
        REAFFIRMED,
    ),
    (
        (
            "Readiness was reaffirmed to continue joint efforts to unlock the full potential of "
            "bilateral interaction, including within the SCO framework."
        ),
        "en",
        REAFFIRMED,
    ),
    ("Personal contacts will continue.", "en", REAFFIRMED),
    ("We share a common view on the success of the Russia-Africa Partnership Forum.", "en", REAFFIRMED),
    # One side's position, promise or act.
    (
        (
            "Подтверждена готовность российской стороны содействовать продвижению этого диалога с целью"
            " выхода на справедливую договорённость."
        ),
        "ru",
        None,
    ),
    (
        (
            "Подтверждена неизменная готовность России к развитию практического взаимодействия с "
            "руководством Сирии в целях укрепления российско-сирийских отношений."
        ),
        "ru",
        None,
    ),
    (
        (
            "В поздравлениях лидерам Владимир Путин выразил уверенность, что двусторонние отношения "
            "стратегического партнёрства будут и далее успешно развиваться на благо наших дружественных"
            " народов."
        ),
        "ru",
        None,
    ),
    (
        (
            "Реджеп Тайип Эрдоган выразил поддержку российско-американскому диалогу и готовность "
            "турецкой стороны содействовать продвижению «черноморской сделки»."
        ),
        "ru",
        None,
    ),
    (
        (
            "The Russian Side reaffirmed its principled position regarding the unacceptability of "
            "economic and military pressure on Cuba."
        ),
        "en",
        None,
    ),
    (
        (
            "Firm readiness was once again confirmed to continue providing Cuba with the necessary "
            "political and material support."
        ),
        "en",
        None,
    ),
    (
        (
            "Under this document, Ukraine agreed to transfer to Russia the portion of the former Soviet"
            " nuclear arsenal located on its territory."
        ),
        "en",
        None,
    ),
    (
        (
            "The US itself signed the Joint Comprehensive Plan of Action, which was endorsed by the UN "
            "Security Council – only to abandon it unilaterally several years later."
        ),
        "en",
        None,
    ),
    ("We will continue to expand our capabilities and move forward.", "en", None),
    ("We have shared our assessment of the situation in the Gaza Strip many times.", "en", None),
    (
        (
            "In this regard, I would like to inform you that we have decided to increase the quota for "
            "students from the CAR."
        ),
        "en",
        None,
    ),
    (
        ("В конце февраля мною подписано новое указание о дополнительных мерах по борьбе с дистанционными хищениями."),
        "ru",
        None,
    ),
    ("Сегодня Правительством утверждён План дорожной деятельности до 2030 года.", "ru", None),
    (
        (
            "Мы договорились с губернатором, что регион дополнительно нанимает авиацию и пожарных – "
            "стоимость мы компенсируем."
        ),
        "ru",
        None,
    ),
    # Plans, hopes, negations, replies, references.
    ("Также будет подписан ряд соглашений.", "ru", None),
    ("Сегодня будут подписаны также некоторые документы.", "ru", None),
    ("Очень рассчитываю, что нам удастся договориться о том, чтобы они набирали всё-таки обороты.", "ru", None),
    ("Как ни странно, не сразу с этим согласились, но всё-таки удалось это сделать.", "ru", None),
    ("В.Путин: Отлично, договорились.", "ru", None),
    (
        (
            "Мы их по стандартам, которые нам выставляет Министерство обороны по соглашению, которое мы"
            " подписали, полностью переоборудуем."
        ),
        "ru",
        None,
    ),
    (
        (
            "Furthermore, the Action Plan signed with Rosatom moves the vision of peaceful use of "
            "nuclear energy in Ethiopia from the realm of theory to practical engineering "
            "implementation."
        ),
        "en",
        None,
    ),
    (
        (
            "Achieving a lasting settlement is unlikely without addressing the territorial issue based "
            "on the formula agreed upon in Anchorage."
        ),
        "en",
        None,
    ),
    ("Планируется подписание целого ряда двусторонних межправительственных и межведомственных документов.", "ru", None),
]


@pytest.mark.parametrize(("text", "lang", "expected"), WORDING)
def test_classify(text, lang, expected):
    assert classify(text, lang) == expected


# (sentence, lang, statement date, history?)
HISTORY = [
    (
        "40 лет назад мы подписали соглашение об установлении дипломатических отношений.",
        "ru",
        dt.date(2025, 4, 22),
        True,
    ),
    (
        ("Мы достигли соглашения несколько месяцев назад, но, к сожалению, Израиль не соблюдает этого соглашения."),
        "ru",
        dt.date(2025, 4, 17),
        True,
    ),
    ("Security guarantees were agreed upon in Istanbul in April 2022.", "en", dt.date(2026, 1, 30), True),
    (
        ("In the mid-1980s the two countries signed agreements on cultural and scientific cooperation."),
        "en",
        dt.date(2026, 2, 1),
        True,
    ),
    (
        (
            "Certain progress has been made and things have been agreed upon by Presidents of Russia "
            "and Azerbaijan, and the Prime Minister of Armenia in 2020-2022."
        ),
        "en",
        dt.date(2026, 2, 5),
        True,
    ),
    (
        (
            "Договорились о подготовке межправительственного плана мероприятий до 2030 года по "
            "увеличению объёмов взаимной торговли."
        ),
        "ru",
        dt.date(2025, 3, 17),
        False,
    ),
    ("The Presidents agreed to remain in close contact.", "en", dt.date(2026, 2, 16), False),
]


@pytest.mark.parametrize(("text", "lang", "today", "expected"), HISTORY)
def test_is_history(text, lang, today, expected):
    assert is_history(text, lang, today) is expected


def _sentence(text: str, *, paragraph: int = 0, in_question: bool = False) -> Sentence:
    return Sentence(start=0, end=len(text), text=text, paragraph=paragraph, in_question=in_question)


def test_parties_come_from_the_sentence_and_the_speaker():
    text = (
        "Президенты условились активизировать совместную работу по всестороннему укреплению "
        "российско-иранского практического сотрудничества."
    )
    [agreement] = find_agreements([_sentence(text)], lang="ru", today=dt.date(2025, 5, 6))
    assert agreement.kind == AGREED
    assert agreement.parties == ("IR", "RU")


def test_the_counterpart_joins_a_sentence_that_names_no_other_party():
    text = "Условлено о продолжении контактов на различных уровнях."
    [agreement] = find_agreements([_sentence(text)], lang="ru", today=dt.date(2025, 3, 28), counterpart="TR")
    assert agreement.parties == ("RU", "TR")
    assert (agreement.start, agreement.end, agreement.text) == (0, len(text), text)


def test_a_domestic_statement_has_no_agreement_without_a_foreign_party():
    sentence = _sentence("Договорились отработать все организационные моменты.")
    assert find_agreements([sentence], lang="ru", today=dt.date(2025, 3, 27), domestic=True) == []
    [agreement] = find_agreements([sentence], lang="ru", today=dt.date(2025, 3, 27), counterpart="TJ")
    assert agreement.parties == ("RU", "TJ")


@pytest.mark.parametrize(
    "sentence",
    [
        _sentence("Договорились ли стороны о продолжении контактов?"),
        _sentence("Стороны договорились о продолжении контактов.", in_question=True),
        _sentence("Вопрос: Стороны договорились о продолжении контактов."),
    ],
)
def test_questions_are_not_agreements(sentence):
    assert find_agreements([sentence], lang="ru", today=dt.date(2025, 1, 1), counterpart="CN") == []


def test_an_earlier_year_opening_a_sentence_frames_the_next_one():
    body = (
        "In 2025, on the occasion of the 45th anniversary of the establishment of diplomatic relations, "
        "the foreign ministers exchanged messages of greetings. In their messages, the foreign ministers "
        "reaffirmed Moscow’s and Maseru’s mutual interest in expanding cooperation in political areas."
    )
    sentences = split_sentences(body)
    assert len(sentences) == 2
    assert find_agreements(sentences, lang="en", today=dt.date(2026, 2, 1), counterpart="LS") == []
    [alone] = find_agreements(sentences[1:], lang="en", today=dt.date(2026, 2, 1), counterpart="LS")
    assert alone.kind == REAFFIRMED


def test_spans_are_those_of_the_sentence_in_the_body():
    body = "Обменялись мнениями.\n\nСтороны продолжат тесно взаимодействовать в рамках «ОПЕК плюс»."
    [agreement] = find_agreements(split_sentences(body), lang="ru", today=dt.date(2025, 2, 20), counterpart="SA")
    assert body[agreement.start : agreement.end] == agreement.text
    assert agreement.kind == REAFFIRMED
    assert agreement.parties == ("RU", "SA")
