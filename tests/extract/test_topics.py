"""Topics from keyword evidence and site metadata; sentences from shared/corpus."""


import pytest

from statements.extract.topics import find_topics, topic_vocabulary
from tests.shared import CORPUS


def slugs(text, lang, meta=()):
    return [m.slug for m in find_topics(text, lang=lang, meta_topics=meta)]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # seed: Russia-Japan "2+2", 2018
        (
            "Договорились продолжать сотрудничество в рамках успешно реализуемого проекта России, Японии и ООН "
            "по подготовке наркополицейских для Афганистана и государств Центральной Азии на базе Всероссийского "
            "института повышения квалификации сотрудников МВД России в Домодедово.",
            "ru",
            ["drugs"],
        ),
        (
            "Подтвердили нацеленность на взаимодействие в сфере борьбы с терроризмом, обеспечения международной "
            "информационной безопасности и противодействия коррупции.",
            "ru",
            ["information-security", "terrorism"],
        ),
        (
            "С обеих сторон была выражена готовность к расширению практического сотрудничества в сфере "
            "безопасности. Со своей стороны мы вновь привлекли внимание к тем озабоченностям, которые российская "
            "сторона уже высказывала в связи с развертыванием в регионе элементов глобальной ПРО США.",
            "ru",
            ["security"],
        ),
        (
            "Приветствовали позитивные тенденции, которые наметились в ситуации вокруг Корейского полуострова.",
            "ru",
            ["korean-peninsula"],
        ),
        ("Обменялись мнениями по ситуации на Ближнем Востоке, в частности, в Сирии.", "ru", ["middle-east"]),
        # kremlin.ru, 2025
        (
            "Ещё многое нужно сделать в сфере торгово-экономических связей, но уже сейчас есть возможность "
            "развивать наши отношения и в сфере логистики, и в сфере транспорта, в сфере взаимных инвестиций, "
            "в сельском хозяйстве.",
            "ru",
            ["agriculture-food", "economy-trade", "transport-logistics"],
        ),
        (
            "Мы ждём его в России по случаю 80-летия Победы в Великой Отечественной войне, во Второй мировой.",
            "ru",
            ["victory-anniversary"],
        ),
        (
            "Наши государства выступают с общих позиций по большинству глобальных и региональных проблем, успешно "
            "взаимодействуют в СНГ и ОДКБ, оказывают друг другу товарищеское содействие и на других многосторонних "
            "площадках, в частности, в рамках Шанхайской организации сотрудничества, куда Беларусь при содействии "
            "России вступила в качестве полноправного участника в июле прошлого года.",
            "ru",
            ["cis-eaeu", "sco"],
        ),
        (
            "Выражена озабоченность в связи с возобновлением боевых действий в секторе Газа, подчёркнута готовность "
            "обеих стран содействовать деэскалации напряжённости и долгосрочной нормализации в регионе.",
            "ru",
            ["middle-east"],
        ),
        (
            "Будут предприняты совместные усилия в целях стабилизации обстановки в кризисных точках, налаживания "
            "взаимодействия в вопросах ядерного нераспространения и глобальной безопасности.",
            "ru",
            ["arms-control"],
        ),
        ("Денис Паслер назначен временно исполняющим обязанности губернатора Свердловской области.", "ru", []),
        # Telegram, English
        (
            "Importantly, this document places special emphasis, within the trade and economic sphere, on "
            "establishing resilient financial, logistical, and interbank mechanisms that will safeguard our "
            "partnership from illegal unilateral sanctions – a practice our joint statement clearly defines as "
            "unacceptable.",
            "en",
            ["economy-trade"],
        ),
        (
            "• We reaffirm our commitment to combat terrorism in all its forms and manifestations, its financing "
            "and providing of safe havens to terrorists.",
            "en",
            ["terrorism"],
        ),
        (
            "• The proposal by Russian President Vladimir Putin that Moscow and Washington voluntarily impose "
            "restrictions on themselves in terms of compliance with the central limits under the Treaty on Measures "
            "for the Further Reduction and Limitation of Strategic Offensive Arms (New START) after the termination "
            "of this treaty is a constructive and good faith initiative.",
            "en",
            ["arms-control"],
        ),
        (
            "✍️ A signing ceremony was held, during which the Ministers signed an Agreement between the Government "
            "of the Russian Federation and the Government of the Islamic Republic of Mauritania on visa-free travel "
            "for holders of diplomatic or service passports .",
            "en",
            ["consular"],
        ),
        (
            "• One of the priorities for the Russian delegation in 2026, as in previous years, is the work of the CD "
            "on agenda item 3 “Prevention of an arms race in outer space” (PAROS).",
            "en",
            ["space"],
        ),
        # one ordinary keyword is not enough; words that only look like keywords
        (
            "Со своей стороны мы вновь привлекли внимание к тем озабоченностям, которые российская сторона уже "
            "высказывала в связи с развертыванием в регионе элементов глобальной ПРО США.",
            "ru",
            [],
        ),
        (
            "Общий объём товарооборота скромный, но тем не менее Катар является одним из ключевых партнёров в нашей "
            "ведущей нефтегазовой компании – «Роснефти».",
            "ru",
            [],
        ),
        ("Он рассказал про поставки газа и про сектор Газа.", "ru", ["middle-east"]),
        (
            "We recognize the value of diverse multilateral platforms, including BRICS, in promoting a more "
            "inclusive and representative system of global governance.",
            "en",
            [],
        ),
        (
            "It is not affected by changing political climates and is based on our countries’ long-term strategic "
            "national interests.",
            "en",
            [],
        ),
        ("Importantly, the importance of this is important.", "en", []),
    ],
)
def test_find_topics(text, lang, expected):
    assert sorted(slugs(text, lang)) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "lang", "meta", "expected"),
    [
        ("В Кремле прошли переговоры.", "ru", ("Внешняя политика",), ["foreign-policy"]),
        (
            "В Кремле прошли переговоры.",
            "ru",
            ("Великая Отечественная война", "Внешняя политика"),
            ["foreign-policy", "victory-anniversary"],
        ),
        (
            "Денис Паслер назначен временно исполняющим обязанности губернатора.",
            "ru",
            ("Госслужба", "Регионы"),
            ["domestic-policy"],
        ),
        ("Совещание.", "ru", ("Культура", "Туризм"), ["culture"]),
        ("A meeting.", "en", ("sanctions", "Sanctions"), ["sanctions"]),
        ("Совещание.", "ru", ("Нет такой темы",), []),
    ],
)
def test_meta_topics(text, lang, meta, expected):
    assert sorted(slugs(text, lang, meta)) == expected


def test_evidence_is_the_words_that_assigned_the_topic():
    text = (
        "С обеих сторон была выражена готовность к расширению практического сотрудничества в сфере безопасности. "
        "Со своей стороны мы вновь привлекли внимание к развертыванию в регионе элементов глобальной ПРО США."
    )
    assert [(t.slug, t.evidence) for t in find_topics(text, lang="ru")] == [("security", "безопасности; ПРО")]


def test_metadata_topics_come_first_and_keep_their_keywords():
    text = "Обменялись мнениями по ситуации на Ближнем Востоке. Говорили о торговле и инвестициях."
    topics = find_topics(text, lang="ru", meta_topics=["Внешняя политика"])
    assert [t.slug for t in topics] == ["foreign-policy", "economy-trade", "middle-east"]
    assert topics[0].evidence == "Внешняя политика"
    assert topics[1].evidence == "торговле; инвестициях"


@pytest.mark.shared
def test_the_seed_statement():
    text = (CORPUS / "seed" / "lavrov-2018-07-31-russia-japan-2plus2.txt").read_text(encoding="utf-8")
    assert set(slugs(text, "ru")) == {
        "peace-treaty", "security", "humanitarian", "economy-trade", "asia-pacific", "syria", "drugs",
        "foreign-policy", "information-security", "korean-peninsula", "middle-east", "terrorism",
    }  # fmt: skip


def test_long_transcripts_need_more_evidence():
    # one mention of gas in passing makes no topic of a long transcript, two of a short note
    filler = "Мы обсудили ход подготовки к заседанию комиссии и другие вопросы. " * 300
    note = "Обсуждали поставки газа. Цены на газ растут."
    assert slugs(note, "ru") == ["energy"]
    assert slugs(filler + note, "ru") == []


def test_vocabulary():
    vocabulary = topic_vocabulary()
    assert 25 <= len(vocabulary) <= 50
    assert {"slug", "name_ru", "name_en"} == set(vocabulary[0])
    assert len({t["slug"] for t in vocabulary}) == len(vocabulary)
    assert {"drugs", "peace-treaty", "victory-anniversary", "brics", "sco", "un"} <= {t["slug"] for t in vocabulary}


