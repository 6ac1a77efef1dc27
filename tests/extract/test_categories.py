"""Each class of rule of GUIDELINES.md, tested with sentences written for the
test (not taken from the corpus or the dev set): who agrees, what is agreed or
shared, and the exclusions; invitations, confirmations and title-dated
announcements for events."""

import datetime as dt

import pytest

from statements.extract import extract
from statements.extract.agreements import classify, find_agreements, is_history
from statements.extract.dates import find_dates
from statements.extract.events import event_from_sentence
from statements.extract.sentences import Sentence
from statements.parse.records import ParsedStatement

AGREED, REAFFIRMED = "agreed", "reaffirmed"

# (sentence, lang, expected kind or None)
SHARED_VIEWS = [
    ("Бразилия и Россия придерживаются близких позиций по вопросам реформы ВТО.", "ru", REAFFIRMED),
    ("Наши страны занимают схожие позиции в вопросах климатической повестки.", "ru", REAFFIRMED),
    ("Москва и Джакарта выступают с единых позиций на площадке АСЕАН.", "ru", REAFFIRMED),
    ("По Ближнему Востоку у нас практически идентичные подходы.", "ru", REAFFIRMED),
    ("Мы с коллегой констатировали, что оценки у нас абсолютно одинаковые.", "ru", REAFFIRMED),
    ("Вы спросили про позицию по Судану — она у нас единая.", "ru", REAFFIRMED),
    # One side's view alone, or a view that is not the sides' own.
    ("Позиция Вашингтона по этому вопросу остаётся одинаковой уже много лет.", "ru", None),
    ("Компания занимает лидирующие позиции на рынке удобрений.", "ru", None),
    ("Chile and Russia share largely convergent positions on the reform of the Security Council.", "en", REAFFIRMED),
    ("The two presidents share a broadly similar assessment of the situation.", "en", REAFFIRMED),
    ("We have shared our assessment of the crisis with the partners.", "en", None),
    ("The festival celebrates a shared commitment to cultural heritage.", "en", None),
]

JOINT_STATES = [
    ("Россия и Монголия привержены принципам добрососедства.", "ru", REAFFIRMED),
    ("Оба государства готовы наращивать поставки продовольствия.", "ru", REAFFIRMED),
    ("Казахстан и Россия солидарны в подходах к развитию транзита.", "ru", REAFFIRMED),
    ("Стороны подтверждают нацеленность на укрепление связей.", "ru", REAFFIRMED),
    # One side: "со стороны X" is not "the sides".
    ("Со стороны Непала готовы рассмотреть это предложение.", "ru", None),
    ("Мы готовы поставлять зерно в любые страны.", "ru", None),
]

COUNTERPART = [
    ("Я полностью согласен с Вами: торговля должна расти.", "ru", REAFFIRMED),
    ("Президент согласился с Эммануэлем Макроном в том, что диалог необходим.", "ru", REAFFIRMED),
    ("Я не согласен с Вами в оценке этих событий.", "ru", None),
    ("Я согласен с тем, что сказал предыдущий оратор.", "ru", None),
]

SIGNINGS = [
    ("В присутствии глав государств прошла церемония обмена подписанными соглашениями.", "ru", AGREED),
    ("Затем состоялся обмен ратификационными грамотами.", "ru", AGREED),
    ("Министры обменялись подписанными меморандумами.", "ru", AGREED),
    ("Делегации обменялись мнениями о ситуации в регионе.", "ru", None),
    ("Эксперты завершили согласование проекта межправительственного соглашения.", "ru", AGREED),
    ("Мы с Вами договаривались продолжить эту работу осенью.", "ru", AGREED),
    ("Согласован график взаимных визитов на следующий год.", "ru", AGREED),
    ("Также подтверждены сроки визита Председателя КНР.", "ru", REAFFIRMED),
]

SHARED_RESULTS = [
    ("Делегации пришли к договорённости о взаимном признании дипломов.", "ru", AGREED),
    ("Министры пришли к общему мнению, что кризис требует политического решения.", "ru", REAFFIRMED),
    ("Я пришёл к выводу, что переговоры зашли в тупик.", "ru", None),
    ("Переговорщики нашли компромисс по тарифам на транзит газа.", "ru", AGREED),
    ("Отмечена близость позиций двух стран по проблематике Арктики.", "ru", REAFFIRMED),
    ("Президенты подчеркнули обоюдную заинтересованность в расширении торговли.", "ru", REAFFIRMED),
    ("Президент подчеркнул важность диалога.", "ru", None),
    ("The delegations came to a common understanding on the sequence of steps.", "en", AGREED),
    ("An agreement in principle on visa facilitation was reached.", "en", AGREED),
    ("The negotiators found a mutually acceptable solution on fishing quotas.", "en", AGREED),
    ("The closeness of the approaches of Russia and Chile was noted.", "en", REAFFIRMED),
    ("The ministers stressed their mutual interest in expanding air links.", "en", REAFFIRMED),
    ("The minister stressed the importance of dialogue.", "en", None),
    ("Both countries intend to raise trade to ten billion dollars.", "en", REAFFIRMED),
    ("Mutual interest in energy projects was emphasised.", "en", REAFFIRMED),
]

HISTORY_AND_HOPE = [
    # A modal's reach ends at a contrast.
    ("Мы не хотим ничего лишнего, но твёрдо условились защищать своё.", "ru", AGREED),
    ("Мы хотели бы, чтобы стороны договорились о перемирии.", "ru", None),
]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    SHARED_VIEWS + JOINT_STATES + COUNTERPART + SIGNINGS + SHARED_RESULTS + HISTORY_AND_HOPE,
)
def test_category(text, lang, expected):
    assert classify(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "joint_document", "expected"),
    [
        ("We reaffirm our commitment to the peaceful settlement of disputes.", "en", True, REAFFIRMED),
        ("We reaffirm our commitment to the peaceful settlement of disputes.", "en", False, None),
        ("Мы подтверждаем приверженность целям и принципам Устава ООН.", "ru", True, REAFFIRMED),
        ("Мы подтверждаем приверженность целям и принципам Устава ООН.", "ru", False, None),
    ],
)
def test_a_joint_document_speaks_for_all_its_signatories(text, lang, joint_document, expected):
    assert classify(text, lang, joint_document=joint_document) == expected


def test_agreeing_with_you_in_a_press_dialogue_is_said_to_a_journalist():
    text = "Я с Вами согласен, сотрудничество идёт хорошо."
    assert classify(text, "ru") == REAFFIRMED
    assert classify(text, "ru", press=True) is None


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # An accord known by its place's name, told as signed, is history.
        ("Хельсинкские договорённости были подписаны в другую эпоху.", "ru", True),
        ("The Dayton accords were signed when the war had exhausted everyone.", "en", True),
        ("Стороны подписали соглашение о безвизовом режиме.", "ru", False),
        # A year in a document's date dates the document, not the report.
        ("Стороны подтвердили приверженность Договору от 3 марта 2021 года.", "ru", False),
        ("Mutual resolve was expressed to implement the Plan dated 4 May 2023.", "en", False),
        # A finite verb with the year is history.
        ("It was signed on 4 May 2023 by both ministers.", "en", True),
    ],
)
def test_history(text, lang, expected):
    assert is_history(text, lang, dt.date(2025, 6, 1)) is expected


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # Dated well before the statement, before the verb: other talks, told as history.
        ("At the summit in Lima on 14 August, understandings were reached on fishing.", False),
        ("At the summit on 20 November 2024 the leaders signed a treaty on fishing.", False),
        # The talks the statement covers, a few days before it.
        ("On 1 December the sides agreed to resume flights.", True),
        # A date after the verb is what was agreed, not when.
        ("The sides agreed to meet again on 14 August.", True),
    ],
)
def test_an_agreement_dated_at_earlier_talks_is_history(text, found):
    agreements = find_agreements([_sentence(text)], lang="en", today=dt.date(2025, 12, 3), counterpart="PE")
    assert bool(agreements) is found


def test_a_joint_document_statement_gives_agreements_to_we():
    parsed = ParsedStatement(
        title="Совместное заявление России и Вьетнама",
        body="Мы подтверждаем приверженность принципам международного права.",
        raw_text="",
        lang="ru",
        kind="joint_statement",
        published_on=dt.date(2025, 6, 1),
    )
    [agreement] = extract(parsed).agreements
    assert agreement.parties == ("RU", "VN")


# --------------------------------------------------------------------------
# Events
# --------------------------------------------------------------------------


def _sentence(text: str) -> Sentence:
    return Sentence(start=0, end=len(text), text=text, paragraph=0)


TODAY = dt.date(2025, 4, 10)


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # Invitations and confirmations of attendance, even in a wish.
        ("Будем рады видеть Вас в Казани 20 мая.", "ru", ("2025-05-20", "2025-05-20")),
        ("Ждём Вас в Минске в июне.", "ru", ("2025-06-01", "2025-06-30")),
        ("Премьер подтвердил своё участие в форуме 5 июня.", "ru", ("2025-06-05", "2025-06-05")),
        ("Мы пригласили министра на сентябрьскую сессию комиссии.", "ru", ("2025-09-01", "2025-09-30")),
        ("The President was invited to the summit in October.", "en", ("2025-10-01", "2025-10-31")),
        ("We look forward to seeing you in Brasilia on 12 June.", "en", ("2025-06-12", "2025-06-12")),
        # Taking part in events on a date.
        ("Ваше участие в праздничных мероприятиях 9 мая очень важно для нас.", "ru", ("2025-05-09", "2025-05-09")),
        # An international contest brings foreign guests.
        ("Международный песенный конкурс пройдёт в Сочи в августе.", "ru", ("2025-08-01", "2025-08-31")),
        ("the delegation will attend the upcoming 2026 Review Conference", "en", ("2026-01-01", "2026-12-31")),
        # A parade or a ceremony is an event with leaders or guests at it, not alone.
        ("В мае Президент будет у Вас на параде.", "ru", ("2025-05-01", "2025-05-31")),
        ("Торжественная церемония с участием глав государств пройдёт 3 июня.", "ru", ("2025-06-03", "2025-06-03")),
        ("3 июня – церемония возложения венков у мемориала.", "ru", None),
        ("On 3 June, a parade will be held in the city centre.", "en", None),
        # A named contest in a relative clause; relative days.
        ("Артисты приедут на конкурс «Песня года», который пройдёт в сентябре.", "ru", ("2025-09-01", "2025-09-30")),
        ("Переговоры продолжатся завтра в Кремле.", "ru", ("2025-04-11", "2025-04-11")),
        ("Послезавтра министр отправится с визитом в Пекин.", "ru", ("2025-04-12", "2025-04-12")),
        ("Talks will resume tomorrow in Geneva.", "en", ("2025-04-11", "2025-04-11")),
        # No event: a past invitation date, a domestic contest, no date.
        ("Мы пригласили министра в марте.", "ru", None),
        ("Школьный конкурс рисунков пройдёт в мае.", "ru", None),
        ("Ждём Вас в Москве в удобное время.", "ru", None),
    ],
)
def test_event_category(text, lang, expected):
    event = event_from_sentence(_sentence(text), lang=lang, today=TODAY)
    got = (event.starts_on.isoformat(), event.ends_on.isoformat()) if event else None
    assert got == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("на ноябрьском саммите", ("2025-11-01", "2025-11-30")),
        ("январская встреча", ("2026-01-01", "2026-01-31")),
    ],
)
def test_month_adjectives_are_months(text, expected):
    [date] = find_dates(text, today=TODAY, lang="ru")
    assert (date.starts_on.isoformat(), date.ends_on.isoformat(), date.precision) == (*expected, "month")


def test_an_announcement_dated_by_its_title_gives_its_lead_sentence():
    body = "Президент проведёт переговоры с Президентом Кении. Обсудят торговлю."
    parsed = ParsedStatement(
        title="14 апреля состоятся переговоры с Президентом Кении",
        body=body,
        raw_text="",
        lang="ru",
        kind="announcement",
        published_on=TODAY,
    )
    [event] = extract(parsed).events
    assert (event.starts_on, event.text) == (dt.date(2025, 4, 14), body[event.start : event.end])
    assert event.text.startswith("Президент проведёт переговоры")


def test_a_title_date_without_a_happening_in_the_lead_gives_nothing():
    parsed = ParsedStatement(
        title="14 апреля состоятся переговоры с Президентом Кении",
        body="Кения — важный партнёр России в Африке.",
        raw_text="",
        lang="ru",
        published_on=TODAY,
    )
    assert extract(parsed).events == []


def test_invitation_without_a_noun_is_titled_a_visit():
    event = event_from_sentence(_sentence("Ждём Вас в Минске 20 мая."), lang="ru", today=TODAY)
    assert event is not None and event.title == "визит"


def test_find_agreements_keeps_one_side_out():
    text = "Со стороны Непала готовы рассмотреть это предложение."
    assert find_agreements([_sentence(text)], lang="ru", today=TODAY) == []
