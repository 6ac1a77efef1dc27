"""Surnames of labels and titles, in the text's script (their nominative: tests/text/test_surnames.py)."""

import pytest

from statements.parse.names import english_surname, surname_of
from statements.parse.speakers import english_authors, english_officials, russian_title_speakers


@pytest.mark.parametrize(
    ("name", "surname"),
    [
        ("С.В.Лавров", "Лавров"),
        ("М.В.Захарова", "Захарова"),
        ("В.Путин", "Путин"),
        ("Х.Бен Тарек Аль Саид", "Бен Тарек Аль Саид"),
        ("М.Диас-Канель Бермудес", "Диас-Канель Бермудес"),
        ("Ван И", "Ван"),
        ("Умару Сиссоку Эмбало", "Эмбало"),
        ("Тамим Бен Хамад Аль Тани", "Бен Хамад Аль Тани"),
        ("Sergey Lavrov", "Lavrov"),
        ("Foreign Minister Ivanov", "Ivanov"),
        ("Mr. Molotov", "Molotov"),
        ("Mr. Wang Yi", "Wang"),
        ("Sheikh Abdullah Bin Zayed Al Nahyan", "Al Nahyan"),
        ("Mr. Albert del Rosario", "del Rosario"),
    ],
)
def test_surname_of_a_label_or_title_name(name, surname):
    assert surname_of(name) == surname


def test_english_surname_drops_the_post():
    assert english_surname("Mulambo Hamakuni Haimbe, Minister of Foreign Affairs") == "Haimbe"


@pytest.mark.parametrize(
    ("title", "speakers"),
    [
        (
            "Выступление Министра иностранных дел России С.В.Лаврова в ходе совместной пресс-конференции, "
            "Москва, 31 июля 2018 года",
            ["Лавров"],
        ),
        (
            "Комментарий официального представителя МИД России М.В.Захаровой в связи с ситуацией вокруг Сирии",
            ["Захарова"],
        ),
        (
            "Встреча Министра иностранных дел России С.В.Лаврова с Министром иностранных дел Индии С.Джайшанкаром",
            ["Лавров"],
        ),
        ("Встреча с Министром иностранных дел Индии С.Джайшанкаром", []),
        ("Российско-китайские переговоры", []),
    ],
)
def test_russian_title_speakers(title, speakers):
    assert russian_title_speakers(title) == speakers


@pytest.mark.parametrize(
    ("text", "officials"),
    [
        (
            "Russia's Foreign Minister Sergey Lavrov and Minister of Foreign Affairs of Seychelles Barry "
            "Faure hold a meeting",
            ["Lavrov"],
        ),
        (
            "On February 2, Foreign Minister of Russia Sergey Lavrov and Foreign Minister of Cuba Bruno "
            "Rodríguez Parrilla had a telephone conversation.",
            ["Lavrov"],
        ),
        (
            "On January 22, Foreign Minister of Russia Sergey Lavrov and Foreign Minister of Belarus Maksim "
            "Ryzhenkov held a telephone conversation.",
            ["Lavrov"],
        ),
        ("Comment by Ambassador of Russia to Norway Nikolay Korchunov for Russian media", ["Korchunov"]),
        ("On December 23, H.E. Mr Anatoly Borovik, Russian Ambassador, led the delegation", ["Borovik"]),
        ("On December 19 in Cairo, Sergey #Lavrov held a meeting with Minister of Foreign Affairs of Togo", ["Lavrov"]),
        (
            "Sergey Lavrov has sent a congratulatory message to Director of the Information and Press "
            "Department Maria Zakharova",
            ["Lavrov"],
        ),
        ("Soviet pilots Captains Nikolai Chikov and Vladimir Levin", []),
    ],
)
def test_english_officials(text, officials):
    assert english_officials(text) == officials


@pytest.mark.parametrize(
    ("title", "authors"),
    [
        ("Article by Mikael Agasandyan, Director of the First CIS Countries Department", ["Agasandyan"]),
        ("New Year Message by H.E. Mr. Evgeny Terekhin, Ambassador of Russia to Ethiopia", ["Terekhin"]),
        ("Statement by Russian Foreign Minister Sergey Lavrov (Moscow, December 29, 2025)", ["Lavrov"]),
        (
            "Comment by Aide to the President Yury Ushakov following the telephone conversation between "
            "Vladimir Putin and US President Donald Trump",
            ["Ushakov"],
        ),
        ("Statement by the Shanghai Cooperation Organisation on the situation in Iran", []),
    ],
)
def test_english_authors(title, authors):
    assert english_authors(title) == authors
