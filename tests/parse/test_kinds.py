"""Kind from the title's head words (shared/gold/GUIDELINES.md), titles from the corpus."""

import pytest

from statements.parse.kinds import KINDS, detect_kind, kind_rules


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        (
            "Выступление и ответы на вопросы СМИ Министра иностранных дел Российской Федерации С.В.Лаврова "
            "по итогам СМИД ШОС, Панаджи, 5 мая 2023 года",
            "speech",
        ),
        (
            "Выступление Министра иностранных дел России С.В.Лаврова в ходе совместной пресс-конференции по "
            "итогам российско-японских консультаций",
            "speech",
        ),
        (
            "Интервью Министра иностранных дел Российской Федерации С.В.Лаврова для фильма «Нацизм под "
            "следствием», Москва, 26 ноября 2022 года",
            "interview",
        ),
        (
            "Ответы Министра иностранных дел Российской Федерации С.В.Лаврова на вопросы телеканала «Россия "
            "1», Москва, 22 февраля 2022 года",
            "interview",
        ),
        ("Ответы на вопросы журналистов", "interview"),
        ("Совместная пресс-конференция с Президентом Белоруссии Александром Лукашенко", "press_conference"),
        ("Брифинг официального представителя МИД России М.В.Захаровой, Москва, 3 августа 2018 года", "briefing"),
        ("Заявление Президента Российской Федерации", "statement"),
        ("Заявления по итогам российско-мьянманских переговоров", "statement"),
        ("Владимир Путин и Эмомали Рахмон сделали заявления для СМИ", "statement"),
        ("Совместное заявление Российской Федерации и Китайской Народной Республики", "joint_statement"),
        ("Комментарий официального представителя МИД России М.В.Захаровой в связи с ситуацией вокруг Сирии", "comment"),
        ("Статья Министра иностранных дел Российской Федерации С.В.Лаврова для газеты «Известия»", "article"),
        ("Поздравление с праздником Пасхи", "message"),
        ("Видеообращение к участникам презентации Евразийской киноакадемии", "message"),
        ("Президент России направил послание главе сирийского государства Ахмеду Шараа", "message"),
        ("Телефонный разговор с Премьер-министром Индии Нарендрой Моди", "phone_call"),
        ("Владимир Путин поговорил по телефону с Лидией Евтюхиной", "phone_call"),
        ("Российско-китайские переговоры", "meeting"),
        ("Встреча с Министром иностранных дел Китая Ван И", "meeting"),
        ("Беседа с Президентом Республики Конго Дени Сассу-Нгессо", "meeting"),
        ("Переговоры с Президентом Венесуэлы Николасом Мадуро", "meeting"),
        (
            "10 мая Владимир Путин проведёт переговоры с Генеральным секретарём Центрального комитета "
            "Коммунистической партии Вьетнама То Ламом",
            "announcement",
        ),
        ("7 мая состоятся российско-венесуэльские переговоры", "announcement"),
        ("29 апреля Владимир Путин и Александр Лукашенко посетят Волгоград", "announcement"),
        ("По решению Президента России в дни 80-летия Победы российская сторона объявляет перемирие", "announcement"),
        ("Совещание с постоянными членами Совета Безопасности", "meeting"),
        ("Посещение Национального центра «Россия»", "other"),
        ("Указ о совершенствовании государственного управления в сфере миграции", "other"),
        (
            "Foreign Minister Sergey Lavrov’s interview with India Today television channel, Moscow, April 19, 2022",
            "interview",
        ),
        (
            "TRANSCRIPT OF RUSSIAN FOREIGN MINISTER IGOR IVANOV'S REMARKS AND REPLIES TO MEDIA QUESTIONS AT "
            "PRESS CONFERENCE",
            "speech",
        ),
        (
            "REPLIES BY RUSSIAN MINISTER OF FOREIGN AFFAIRS IGOR IVANOV TO READERS' QUESTIONS DURING AN "
            "ONLINE CONFERENCE",
            "interview",
        ),
        (
            "MINISTER OF FOREIGN AFFAIRS OF THE RUSSIAN FEDERATION IGOR IVANOV ANSWERS A QUESTION FROM "
            "ITAR-TASS NEWS AGENCY",
            "interview",
        ),
        (
            "Russian MFA Spokeswoman Maria Zakharova's answer to a media question on the outcomes of the "
            "European Council meeting",
            "interview",
        ),
        (
            "Article by Mikael Agasandyan, Director of the First CIS Countries Department of the Russian "
            "Foreign Ministry",
            "article",
        ),
        (
            "JOINT STATEMENT by the Participants in the Second Ministerial Conference of the Russia–Africa "
            "Partnership Forum",
            "joint_statement",
        ),
        ("Statement by Russia's Foreign Minister Sergey Lavrov at the Plenary Session", "statement"),
        (
            "Comment by Ambassador of Russia to Norway Nikolay Korchunov for Russian media (December 20, 2025)",
            "comment",
        ),
        ("Briefing by Russia's Foreign Ministry Spokeswoman Maria Zakharova (Moscow, January 15, 2026)", "briefing"),
        ("Joint news conference by Foreign Ministers Sergey Lavrov and Badr Abdelatty", "press_conference"),
        (
            "Opening remarks by Minister of Foreign Affairs of Russia Sergey Lavrov during his talks with "
            "Minister of Foreign Affairs of Syria",
            "speech",
        ),
        (
            "On February 2, Foreign Minister of Russia Sergey Lavrov and Foreign Minister of Cuba Bruno "
            "Rodríguez Parrilla had a telephone conversation.",
            "phone_call",
        ),
        (
            "On January 3, Russia's Foreign Minister Sergey Lavrov and Foreign Minister of the Republic of "
            "Belarus Maxim Ryzhenkov spoke over the phone.",
            "phone_call",
        ),
        (
            "Russia's Foreign Minister Sergey Lavrov and Minister of Foreign Affairs of the Republic of "
            "Seychelles Barry Faure hold a meeting",
            "meeting",
        ),
        (
            "President of Russia Vladimir Putin extended his holiday greetings on Christmas and the upcoming "
            "New Year 2026",
            "message",
        ),
        (
            "On January 20, 2026, a news conference by Russian Foreign Minister Sergey Lavrov will be held "
            "at the Foreign Ministry Press Centre.",
            "announcement",
        ),
        (
            "On Thursday, February 26, Russia’s Foreign Ministry Spokeswoman Maria Zakharova will hold her "
            "weekly briefing",
            "announcement",
        ),
        ("46th anniversary of the Russia-Lesotho diplomatic relations", "other"),
        ("Union of Soviet Socialist Republics: statement in the UN General Assembly general debate", "statement"),
    ],
)
def test_kind_from_title(title, kind):
    assert detect_kind(title) == kind


def test_the_table_uses_only_the_vocabulary():
    assert {rule.kind for rule in kind_rules()} <= set(KINDS)
