"""People in statements: table people in any case form and script, others in
the "И.О.Фамилия" style, and the keys that merge name variants.

Sentences come from shared/corpus (seed, midru, kremlin, telegram-en)."""

import json

import pytest

from statements.extract.people import (
    find_people,
    normalise_surname,
    person_key,
    person_record,
)
from tests.shared import GOLD


def keys(text, lang):
    return [person_key(m.name, lang=lang) for m in find_people(text, lang=lang)]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # mid.ru: initials glued to the surname, any case
        (
            "Выступление Министра иностранных дел России С.В.Лаврова в ходе совместной пресс-конференции",
            "ru",
            ["lavrov-sergey"],
        ),
        (
            "В соответствии с решением Президента Российской Федерации В.В.Путина и Премьер-министра Японии С.Абэ,",
            "ru",
            ["putin-vladimir", "abe-shinzo"],
        ),
        (
            "В ходе отдельной двусторонней беседы с моим коллегой Министром иностранных дел Японии Т.Коно мы "
            "предметно обсудили",
            "ru",
            ["kono-taro"],
        ),
        (
            "Это всё решается, конечно, не с В.А.Зеленским, который является марионеткой в руках Запада",
            "ru",
            ["zelensky-volodymyr"],
        ),
        (
            "Мы не обсуждали с Министром иностранных дел Индии С.Джайшанкаром в деталях террористическую атаку",
            "ru",
            ["jaishankar-subrahmanyam"],
        ),
        (
            "блока А.Фог Расмуссена неоднократно призывали Президента В.Ф.Януковича не применять силу",
            "ru",
            ["fog-a", "yanukovych-viktor"],
        ),
        (
            "Председатель Евросовета Ш.Мишель, глава Еврокомиссии У.фон дер Ляйен, Генеральный секретарь НАТО "
            "Й.Столтенберг",
            "ru",
            ["michel-charles", "von-der-leyen-ursula", "stoltenberg-jens"],
        ),
        # the initial says it is someone else: Louis Michel, not Charles
        ("Министр иностранных дел Бельгии Л.Мишель, публично заявляли", "ru", ["mishel-l"]),
        (
            "высказывавшуюся Президентом Федеративной Республики Бразилии Л.И.Лулой да Силва инициативу",
            "ru",
            ["lula-da-silva-luiz-inacio"],
        ),
        # kremlin.ru: given name and surname in every case
        (
            "В Кремле началась беседа Владимира Путина с Председателем Китайской Народной Республики Си Цзиньпином.",
            "ru",
            ["putin-vladimir", "xi-jinping"],
        ),
        (
            "В Кремле прошли переговоры Владимира Путина с Султаном Омана Хейсамом Бен Тареком Аль Саидом, который "
            "находится в России с государственным визитом.",
            "ru",
            ["putin-vladimir", "bin-tariq-al-said-haitham"],
        ),
        (
            "Х.Бен Тарек Аль Саид (как переведено) : Большое спасибо, господин Президент",
            "ru",
            ["bin-tariq-al-said-haitham"],
        ),
        ("Министром иностранных дел КНР Ван И. 1 апреля 2025 года", "ru", ["wang-yi"]),
        (
            "Начало беседы с Президентом Республики Гвинея-Бисау Умару Сиссоку Эмбало В.Путин: Уважаемый господин "
            "Президент!",
            "ru",
            ["embalo-umaro-sissoco", "putin-vladimir"],
        ),
        (
            "Состоялся телефонный разговор Владимира Путина с Президентом США Дональдом Трампом.",
            "ru",
            ["putin-vladimir", "trump-donald"],
        ),
        (
            "В.Путин: Я же Трампа не упоминал, я о Пескове говорил.",
            "ru",
            ["putin-vladimir", "trump-donald", "peskov-dmitry"],
        ),
        ("товарищу Ким Чен Ыну, всему руководству и народу", "ru", ["kim-jong-un"]),
        ("Встреча с Министром иностранных дел Ирана Аббасом Аракчи", "ru", ["araghchi-abbas"]),
        (
            "Мухаммедом Бен Заидом Аль Нахайяном и Тамимом Бен Хамадом Аль Тани",
            "ru",
            ["bin-zayed-al-nahyan-mohamed", "bin-hamad-al-thani-tamim"],
        ),
        (
            "Мы недавно собирались у Александра Вячеславовича с Дмитрием Николаевичем Патрушевым",
            "ru",
            ["patrushev-dmitry"],
        ),
        # kremlin.ru's linked names repeat the person "Фамилия Имя Отчество"
        (
            "Министр иностранных дел Сергей Лавров Лавров Сергей Викторович Министр иностранных дел Российской "
            "Федерации и помощник Президента Юрий Ушаков Ушаков Юрий Викторович помощник Президента",
            "ru",
            ["lavrov-sergey", "lavrov-sergey", "ushakov-yury", "ushakov-yury"],
        ),
        (
            "Лица Лукашенко Александр Григорьевич Володин Вячеслав Викторович",
            "ru",
            ["lukashenko-alexander", "volodin-vyacheslav"],
        ),
        # someone outside the table, "И.О.Фамилия"
        ("В.Путин: (Обращаясь к Е.Корочкиной.) Я справки посмотрел", "ru", ["putin-vladimir", "korochkina-e"]),
        ("Московский государственный технический университет им. Н.Э.Баумана", "ru", ["bauman-n"]),
        ("Я геолог, я с геологического факультета МГУ имени М.В.Ломоносова", "ru", ["lomonosov-m"]),
        # English: Telegram and mid.ru
        ("Foreign Minister Sergey Lavrov’s interview with India Today television channel", "en", ["lavrov-sergey"]),
        (
            "Question: Mr Lavrov, you said that Russian forces have only targeted military facilities",
            "en",
            ["lavrov-sergey"],
        ),
        (
            "Excerpts from President Putin's speech at the ceremony for presenting letters of credence",
            "en",
            ["putin-vladimir"],
        ),
        (
            "On Thursday, February 26 , Russia’s Foreign Ministry Spokeswoman Maria Zakharova will hold her weekly "
            "briefing",
            "en",
            ["zakharova-maria"],
        ),
        (
            "Article by Mikael Agasandyan, Director of the First CIS Countries Department of the Russian Foreign "
            "Ministry",
            "en",
            ["agasandyan-mikael"],
        ),
        (
            "President Vladimir Putin and Chinese President Xi Jinping and reciprocal visits to Moscow",
            "en",
            ["putin-vladimir", "xi-jinping"],
        ),
        (
            "you accompanied transitional President of Syria Ahmed al-Sharaa during his visit for talks with "
            "Vladimir Putin.",
            "en",
            ["al-sharaa-ahmed", "putin-vladimir"],
        ),
        ("the Sultan of Oman Haitham bin Tariq Al Said in Moscow in April 2025.", "en", ["bin-tariq-al-said-haitham"]),
        ("President of the Republic of South Sudan, Gen. Salva Kiir Mayardit .", "en", ["kiir-salva"]),
        ("US President Franklin D. Roosevelt sent a special letter", "en", ["roosevelt-franklin"]),
        ("published an article by H.E. Marat I.Pavlov, Ambassador of Russia", "en", ["pavlov-i"]),
        ("MINISTER OF FOREIGN AFFAIRS OF THE RUSSIAN FEDERATION IGOR IVANOV ANSWERS A QUESTION", "en", ["ivanov-igor"]),
        # not the person: common words, other people with the same surname
        ("Лавры победы достались другим.", "ru", []),
        ("Сети и паутина: путина на Каспии началась.", "ru", []),
        ("Сальдо торговли сложилось в пользу России.", "ru", []),
        ("Безусловно, это Валерий Кузьмич Полянский и Юрий Борисович Абдоков.", "ru", []),
        ("руководителю Андриану Гуриевичу Фадееву и Светлане Юрьевне Захаровой за выдвижение", "ru", []),
        ("Ван Гог и Гоген.", "ru", []),
        ("Fyodor Ushakov’s Black Sea squadron was on a mission to expel the French", "en", []),
        ("Renmin Ribao: How do you do, dear Internet users. I am Jiang Yaping, a correspondent", "en", []),
        ("О. Мы сейчас это обсудим. В. Но Минфин против. С. Роспотребнадзором согласовано.", "ru", []),
        ("С Н.Новгорода и С.Петербурга", "ru", []),
        ("B. They said it was impossible.", "en", []),
    ],
)
def test_find_people(text, lang, expected):
    assert keys(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang", "name", "surname", "span"),
    [
        ("Президента Российской Федерации В.В.Путина и", "ru", "Владимир Путин", "Путин", "В.В.Путина"),
        ("Президента Российской Федерации В.В.Путина и", "en", "Vladimir Putin", "Putin", "В.В.Путина"),
        (
            "заявлениям Дмитрия Сергеевича Пескова, у Вас",
            "ru",
            "Дмитрий Песков",
            "Песков",
            "Дмитрия Сергеевича Пескова",
        ),
        ("Sergey Lavrov’s interview", "en", "Sergey Lavrov", "Lavrov", "Sergey Lavrov"),
        ("С Е.Труфановой и", "ru", "Е.Труфанова", "Труфанова", "Е.Труфановой"),
        ("А.Захарова: Добрый день! Я Захарова Александра", "ru", "А.Захарова", "Захарова", "А.Захарова"),
        ("Ван И (как переведено) : Уважаемый", "ru", "Ван И", "Ван", "Ван И"),
    ],
)
def test_mention_fields(text, lang, name, surname, span):
    mention = find_people(text, lang=lang)[0]
    assert (mention.name, mention.surname, mention.text) == (name, surname, span)
    assert text[mention.start : mention.end] == span


@pytest.mark.parametrize(
    ("name", "lang", "surname"),
    [
        ("С.В.Лаврова", "ru", "Лавров"),
        ("Лавровым", "ru", "Лавров"),
        ("Захаровой", "ru", "Захарова"),
        ("Sergey Lavrov's", "en", "Lavrov"),
        ("Lavrov", "ru", "Лавров"),
        ("Си Цзиньпина", "ru", "Си"),
        ("Ван И", "ru", "Ван"),
        ("Х.Бен Тарек Аль Саид", "ru", "Бен Тарек Аль Саид"),
        ("Умару Сиссоку Эмбало", "ru", "Эмбало"),
        ("Мирзиеевым", "ru", "Мирзиёев"),
        ("Е.Корочкиной", "ru", "Корочкина"),
        ("Н.Н.Приоровым", "ru", "Приоров"),
        ("Джайшанкаром", "ru", "Джайшанкар"),
        ("T.Chaponda", "en", "Chaponda"),
    ],
)
def test_normalise_surname(name, lang, surname):
    assert normalise_surname(name, lang=lang) == surname


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Т.Коно", "kono-taro"),
        ("T.Kono", "kono-taro"),
        ("Таро Коно", "kono-taro"),
        ("Агасандян", "agasandyan-mikael"),
        ("Agasandyan", "agasandyan-mikael"),
        ("Бен Тарек Аль Саид", "bin-tariq-al-said-haitham"),
        ("Аль Нахайян Мухаммед бен Заид", "bin-zayed-al-nahyan-mohamed"),
        ("Лукашенко Александр Григорьевич", "lukashenko-alexander"),
        ("Президента России В.В.Путина", "putin-vladimir"),
        ("Кирилл Патриарх Московский и всея Руси", "patriarch-kirill"),
        # outside the table: transliterated surname and first initial, the same from both scripts
        ("Е.Корочкина", "korochkina-e"),
        ("E.Korochkina", "korochkina-e"),
        ("Ирина Захарова", "zakharova-i"),
        ("Кобзев Игорь Иванович", "kobzev-i"),
        ("Рябковым", "ryabkov-sergey"),
        ("", None),
    ],
)
def test_person_key(name, key):
    assert person_key(name) == key


def test_person_record():
    record = person_record("lavrov-sergey")
    assert record["name_ru"] == "Сергей Лавров"
    assert record["country"] == "RU"
    assert person_record("korochkina-e") is None


@pytest.mark.shared
def test_gold_speakers_have_table_keys():
    """Every speaker of the reference annotations is a table person."""
    gold = GOLD / "dev.jsonl"
    for line in gold.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        for speaker in record["speakers"]:
            key = person_key(speaker, lang=record["lang"])
            assert person_record(key) is not None, speaker
            assert normalise_surname(speaker, lang=record["lang"]) == speaker


