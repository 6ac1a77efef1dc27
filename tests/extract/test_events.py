"""Upcoming events: a table of real sentences from the corpus (outside the dev set)."""

import datetime as dt

import pytest

from statements.extract.events import event_from_sentence, event_place, find_events
from statements.extract.sentences import Sentence, split_sentences

D = dt.date.fromisoformat

# (sentence, lang, statement date, (starts_on, ends_on, precision) or None)
EVENTS = [
    (
        (
            "22 апреля в Москве состоятся переговоры Владимира Путина с Султаном Омана Хейсамом Бен "
            "Тареком Аль Саидом, который посетит Россию с государственным визитом."
        ),
        "ru",
        "2025-04-19",
        ("2025-04-22", "2025-04-22", "day"),
    ),
    (
        (
            "По приглашению Президента России Владимира Путина Председатель Китайской Народной "
            "Республики Си Цзиньпин 7–10 мая посетит с официальным визитом Российскую Федерацию и "
            "примет участие в торжественных мероприятиях, приуроченных к 80-летию Победы в Великой "
            "Отечественной войне."
        ),
        "ru",
        "2025-05-04",
        ("2025-05-07", "2025-05-10", "day"),
    ),
    (
        ("Так, уже завтра в Волгограде состоится Международный форум «Великое наследие – общее будущее»."),
        "ru",
        "2025-04-28",
        ("2025-04-29", "2025-04-29", "day"),
    ),
    (
        "Мы договорились, что в июне этого года в России пройдут Дни культуры Таджикистана.",
        "ru",
        "2025-03-17",
        ("2025-06-01", "2025-06-30", "month"),
    ),
    (
        "В этом году в сентябре в Севастополе состоятся выборы губернатора.",
        "ru",
        "2025-02-14",
        ("2025-09-01", "2025-09-30", "month"),
    ),
    (
        "И ещё: у нас на 20-е числа февраля намечен Форум будущих технологий.",
        "ru",
        "2025-02-06",
        # GUIDELINES.md, settled calls: "на 20-е числа февраля" is 02-20..02-28.
        ("2025-02-20", "2025-02-28", "decade"),
    ),
    ("У вас в сентябре выборы.", "ru", "2025-03-24", ("2025-09-01", "2025-09-30", "month")),
    (
        ("Эмомали Шарипович принял наше приглашение и приедет на празднование юбилея Победы 9 мая в Москве."),
        "ru",
        "2025-03-17",
        ("2025-05-09", "2025-05-09", "day"),
    ),
    (
        (
            "29 апреля в Волгограде пройдут мероприятия с участием Президента Российской Федерации "
            "Владимира Путина и Президента Республики Беларусь Александра Лукашенко, посвящённые "
            "80-летию Победы в Великой Отечественной войне."
        ),
        "ru",
        "2025-04-28",
        ("2025-04-29", "2025-04-29", "day"),
    ),
    (
        (
            "Знаю, что в этом году, по-моему, и Дни российской культуры будут проведены в Белоруссии, и"
            " Дни российского кино."
        ),
        "ru",
        "2025-03-13",
        ("2025-01-01", "2025-12-31", "year"),
    ),
    (
        ("13 марта Владимир Путин проведёт переговоры с Президентом Республики Беларусь Александром Лукашенко."),
        "ru",
        "2025-03-12",
        ("2025-03-13", "2025-03-13", "day"),
    ),
    (
        (
            "On Friday, February 6, talks will be held in Moscow between Russia's Foreign Minister "
            "Sergey Lavrov and the Head of the Federal Department of Foreign Affairs of the Swiss "
            "Confederation Ignazio Cassis."
        ),
        "en",
        "2026-02-02",
        ("2026-02-06", "2026-02-06", "day"),
    ),
    (
        "Additional consultations are scheduled for March 2026.",
        "en",
        "2026-02-25",
        ("2026-03-01", "2026-03-31", "month"),
    ),
    (
        (
            "We attach particular importance to the upcoming 11th NPT Review Conference, which takes "
            "place in April-May 2026."
        ),
        "en",
        "2026-02-25",
        ("2026-04-01", "2026-05-31", "month"),
    ),
    (
        (
            "Vladimir Putin confirmed his participation in the upcoming meeting of the Supreme Eurasian"
            " Economic Council to be held in Astana at the end of May."
        ),
        "en",
        "2026-02-16",
        ("2026-05-21", "2026-05-31", "decade"),
    ),
    (
        (
            "On January 22, President of Russia Vladimir Putin will hold talks with President of the "
            "State of Palestine Mahmoud Abbas, who will be in Russia on a working visit."
        ),
        "en",
        "2026-01-21",
        ("2026-01-22", "2026-01-22", "day"),
    ),
    (
        (
            "We have every reason to state that the conference has laid solid groundwork for high-"
            "quality preparations for the Third Russia-Africa Summit, scheduled for 2026."
        ),
        "en",
        "2025-12-22",
        ("2026-01-01", "2026-12-31", "year"),
    ),
    (
        (
            "On Thursday, January 15, Russia’s Foreign Ministry Spokeswoman Maria Zakharova will hold "
            "her weekly briefing on current foreign policy issues."
        ),
        "en",
        "2026-01-12",
        ("2026-01-15", "2026-01-15", "day"),
    ),
    (
        (
            "We look forward to your proposals, especially given that Burkina Faso holds the Alliance’s"
            " chairmanship in 2026."
        ),
        "en",
        "2026-02-12",
        ("2026-01-01", "2026-12-31", "year"),
    ),
    # Holidays and anniversaries alone.
    (
        (
            "Ahead of the upcoming 100th anniversary of the establishment of diplomatic relations on "
            "February 19, it was noted with satisfaction that bilateral relations have reached a high "
            "level."
        ),
        "en",
        "2026-02-03",
        None,
    ),
    (
        (
            "В этом году мы отмечаем не только 80-летие Победы, но и 80-летие установления "
            "дипломатических отношений между нашими странами."
        ),
        "ru",
        "2025-05-07",
        None,
    ),
    (
        (
            "At the same time, in February, Moscow will host a Festival dedicated to the celebration of"
            " the Lunar New Year."
        ),
        "en",
        "2026-01-26",
        None,
    ),
    # What has already happened (a yearless date would otherwise fall next year).
    (
        (
            "Отмечено, в частности, результативное проведение совместно с российской стороной в "
            "Ташкенте 28–30 апреля пятой Международной промышленной выставки «ИННОПРОМ»."
        ),
        "ru",
        "2025-05-03",
        None,
    ),
    (
        (
            "Обсуждены, в частности, итоги недавних консультаций экспертных групп двух стран в Эр-Рияде"
            " и достигнутая договорённость о моратории на удары по объектам энергетики России и Украины"
            " сроком на 30 суток начиная с 18 марта."
        ),
        "ru",
        "2025-03-28",
        None,
    ),
    (
        (
            "Significant milestones reinforcing this course included the visit of the Chairperson the "
            "Council of Federation Valentina Matvienko to Addis Ababa in February."
        ),
        "en",
        "2026-01-02",
        None,
    ),
    (
        ("В 2025 году мероприятия форума проходят в Мурманске 26–27 марта под девизом «На Севере – жить!»."),
        "ru",
        "2025-03-27",
        None,
    ),
    # No date that can be worked out, or no happening.
    (
        ("Планируется подписание целого ряда двусторонних межправительственных и межведомственных документов."),
        "ru",
        "2025-05-08",
        None,
    ),
    ("The next meeting will take place in the near future.", "en", "2026-02-18", None),
    ("Accreditation is open until February 25, 10.00 am MSK.", "en", "2026-02-24", None),
    (
        ("О первых результатах проведённых мероприятий будем готовы доложить Вам отдельно в мае текущего года."),
        "ru",
        "2025-04-14",
        None,
    ),
    # A plan's period is not an event's date.
    (
        (
            "We express our willingness to proceed with the preparation of the next Action Plan for "
            "2026–2029 aiming at its adoption at the third Russia–Africa Summit."
        ),
        "en",
        "2025-12-21",
        None,
    ),
    # A question.
    ("Состоится ли саммит в июне?", "ru", "2025-03-27", None),
]


def _sentence(text: str) -> Sentence:
    return Sentence(start=0, end=len(text), text=text, paragraph=0)


@pytest.mark.parametrize(("text", "lang", "today", "expected"), EVENTS)
def test_event_dates(text, lang, today, expected):
    event = event_from_sentence(_sentence(text), lang=lang, today=D(today))
    if expected is None:
        assert event is None
    else:
        assert event is not None
        assert (event.starts_on.isoformat(), event.ends_on.isoformat(), event.precision) == expected


@pytest.mark.parametrize(
    ("text", "lang", "today", "title", "place"),
    [
        (
            (
                "22 апреля в Москве состоятся переговоры Владимира Путина с Султаном Омана Хейсамом Бен "
                "Тареком Аль Саидом, который посетит Россию с государственным визитом."
            ),
            "ru",
            "2025-04-19",
            "переговоры Владимира Путина с Султаном Омана Хейсамом Бен Тареком Аль Саидом",
            "Москва",
        ),
        (
            ("Так, уже завтра в Волгограде состоится Международный форум «Великое наследие – общее будущее»."),
            "ru",
            "2025-04-28",
            "Международный форум",
            "Волгоград",
        ),
        (
            "Мы договорились, что в июне этого года в России пройдут Дни культуры Таджикистана.",
            "ru",
            "2025-03-17",
            "Дни культуры Таджикистана",
            "Россия",
        ),
        (
            (
                "On Friday, February 6, talks will be held in Moscow between Russia's Foreign Minister "
                "Sergey Lavrov and the Head of the Federal Department of Foreign Affairs of the Swiss "
                "Confederation Ignazio Cassis."
            ),
            "en",
            "2026-02-02",
            "talks",
            "Moscow",
        ),
        (
            (
                "On Thursday, January 15, Russia’s Foreign Ministry Spokeswoman Maria Zakharova will hold "
                "her weekly briefing on current foreign policy issues."
            ),
            "en",
            "2026-01-12",
            "weekly briefing on current foreign policy issues",
            None,
        ),
    ],
)
def test_title_and_place(text, lang, today, title, place):
    event = event_from_sentence(_sentence(text), lang=lang, today=D(today))
    assert event is not None
    assert (event.title, event.place) == (title, place)


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("когда они встретятся во Владивостоке в сентябре", "Владивосток"),
        ("саммит пройдёт в Нью-Дели летом", "Нью-Дели"),
        ("в рамках председательства в СНГ", None),
        ("без места", None),
    ],
)
def test_event_place_ru(text, place):
    assert event_place(text, lang="ru") == place


def test_the_date_nearest_the_event_is_chosen_and_countries_are_listed():
    text = "Мы договорились, что в июне этого года в России пройдут Дни культуры Таджикистана."
    event = event_from_sentence(_sentence(text), lang="ru", today=D("2025-03-17"))
    assert event is not None
    assert event.countries == ("RU", "TJ")


def test_find_events_spans_and_no_statement_date():
    body = "Обсудили двусторонние отношения.\n\nТак, уже завтра в Волгограде состоится Международный форум."
    [event] = find_events(split_sentences(body), lang="ru", today=D("2025-04-28"))
    assert body[event.start : event.end] == event.text
    assert find_events(split_sentences(body), lang="ru", today=None) == []
