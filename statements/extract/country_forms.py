"""Rule tables for the country matcher (statements/extract/countries.py).

The names themselves live in statements/data/countries.csv: one row per
ISO 3166-1 alpha-2 code (249 rows), columns

    code, name_en, name_ru, capital_en, capital_ru,   (shown on pages; seeds the DB)
    alt_en, alt_ru,          other names: "US;U.S.;America", "США;Штаты;Америка"
    adj_en, adj_ru,          adjectives: "American", "американский"
    dem_en, dem_ru,          demonyms: "Americans", "американец;американка"
    capital_alt_en, capital_alt_ru,   other spellings or seats: "Kiev", "Тель-Авив"
    prefixes                 first parts of compounds: "Sino", "американо"

Lists are semicolon-separated.  Russian entries are written once, in the
nominative (singular for adjectives and demonyms); every case form is
generated with pymorphy3 when the matcher first runs, so no table of forms
is stored.  Russian compound prefixes are also derived from the adjectives
("российский" -> "российско").  English entries are matched as written
(list plural demonyms explicitly).

This module holds the context rules that decide when a form found in a
text really names a country.
"""

from __future__ import annotations

# Columns of countries.csv, by what they hold.  The database seeds the
# Country table from the first three, so they stay first.
NAME_COLUMNS = {"ru": ("name_ru", "alt_ru"), "en": ("name_en", "alt_en")}
ADJECTIVE_COLUMNS = {"ru": "adj_ru", "en": "adj_en"}
DEMONYM_COLUMNS = {"ru": "dem_ru", "en": "dem_en"}
CAPITAL_COLUMNS = {"ru": ("capital_ru", "capital_alt_ru"), "en": ("capital_en", "capital_alt_en")}
PREFIX_COLUMN = "prefixes"

# Phrases that contain a country form but do not name that country
# (regions, seas, organisations, entities without an ISO code), or that
# name another one.  Matched like names, longest first, so that
# "Латинская Америка" is consumed before "Америка" is looked at.
# Russian phrases are inflected word by word, so every case matches.
OVERRIDES: dict[str, tuple[tuple[str, str | None], ...]] = {
    "ru": (
        ("Антарктида", None),  # a continent, though AQ has a code
        ("Латинская Америка", None),
        ("Северная Америка", None),
        ("Южная Америка", None),
        ("Центральная Америка", None),
        ("Американский континент", None),
        ("Северо-Американский", None),
        ("Южно-Американский", None),
        ("Новая Гвинея", None),  # the island, shared by PG and ID
        ("озеро Чад", None),  # shared by four countries
        ("Индийский океан", None),
        ("Японское море", None),
        ("Южно-Китайское море", None),
        ("Восточно-Китайское море", None),
        ("Филиппинское море", None),
        ("Норвежское море", None),
        ("Ирландское море", None),
        ("Финский залив", None),
        ("Мексиканский залив", None),
        ("Гвинейский залив", None),
        ("Оманский залив", None),
        ("Мальтийский орден", None),
        ("Республика Сербская", None),  # an entity of Bosnia and Herzegovina
        ("Сербская Республика", None),
        ("Трудовая партия Кореи", "KP"),
        ("Корейская Народная Армия", "KP"),
        ("Сербская Краина", None),
        ("Приднестровская Молдавская Республика", None),
        ("Германская Демократическая Республика", None),  # GDR: no code today
        ("Британская Колумбия", None),
        ("округ Колумбия", None),
        ("киевский режим", "UA"),  # the capital's adjective standing for the government
        ("киевские власти", "UA"),
        ("боснийский серб", "BA"),
        ("косовский албанец", None),
        ("Турецкая Республика Северного Кипра", "CY"),
    ),
    "en": (
        ("Antarctica", None),
        ("Latin America", None),
        ("Latin American", None),
        ("North America", None),
        ("North American", None),
        ("South America", None),
        ("South American", None),
        ("Central America", None),
        ("Central American", None),
        ("Pan-American", None),
        ("Inter-American", None),
        ("Ibero-American", None),
        ("American continent", None),
        ("American Indian", "US"),
        ("American Indians", "US"),
        ("Carib Indians", None),
        ("West Indies", None),
        ("East Indies", None),
        ("New Guinea", None),
        ("Lake Chad", None),
        ("New Jersey", None),
        ("New Mexico", None),
        ("New England", None),
        ("New South Wales", None),
        ("British Columbia", None),
        ("District of Columbia", None),
        ("Indian Ocean", None),
        ("Sea of Japan", None),
        ("South China Sea", None),
        ("East China Sea", None),
        ("Philippine Sea", None),
        ("Norwegian Sea", None),
        ("Irish Sea", None),
        ("Gulf of Finland", None),
        ("Gulf of Mexico", None),
        ("Gulf of Guinea", None),
        ("Gulf of Oman", None),
        ("Niger Delta", None),
        ("Niger River", None),
        ("Congo River", None),
        ("Congo Basin", None),
        ("Order of Malta", None),
        ("Republika Srpska", None),
        ("Workers' Party of Korea", "KP"),
        ("Korean People's Army", "KP"),
        ("German Democratic Republic", None),
        ("East Germany", None),
        ("East German", None),
        ("Greek Cypriot", "CY"),
        ("Greek Cypriots", "CY"),
        ("Turkish Cypriot", "CY"),
        ("Turkish Cypriots", "CY"),
        ("Bosnian Serb", "BA"),
        ("Bosnian Serbs", "BA"),
        ("Kosovo Albanian", None),
        ("Kosovo Albanians", None),
        ("Kosovar Albanians", None),
        ("Turkish Republic of Northern Cyprus", "CY"),
    ),
}

# A capital names its country only when it stands for the government
# ("Вашингтон требует", "Kiev is only making matters worse"), not when it
# is a venue ("переговоры в Анкаре", "talks in Geneva").  A capital form
# in the nominative that follows one of these words is a venue.
RU_VENUE_WORDS = frozenset(
    "в во на из до под к ко по через за про о об с со от у при над около возле "
    "вокруг близ между сквозь г город города городе столица столицей столицу "
    "столицы штат".split()
)
EN_VENUE_WORDS = frozenset(
    "in at to from near into onto around outside inside via toward towards "
    "across through throughout within of visit visited visiting reached city "
    "capital state liberate liberated liberating liberation captured capture "
    "stormed storming occupied bombed bombing encircled besieged entered took "
    "seized toured left".split()
)
# In Russian, a capital right after a transitive verb is its object, a place
# ("посетили Маскат", "штурмовал Берлин"), told apart by pymorphy3.
RU_VERB_POS = frozenset({"VERB", "INFN", "GRND"})
# "Abu Dhabi will host a meeting", "Hanoi hosted ...": a venue again.
EN_VENUE_WORDS_AFTER = frozenset({"host", "hosts", "hosted", "hosting", "will"})
# "Paris Agreement", "Minsk agreements", "Vienna Document", "Astana format":
# a capital used as the name of a document or forum is not its government.
EN_CAPITAL_ATTRIBUTIVES = frozenset(
    "agreement agreements accord accords convention conventions club process "
    "format formats protocol protocols declaration summit treaty charter talks "
    "group initiative memorandum document documents package formula principles "
    "consensus conference communique communiqué plan region regional time metro "
    "university institute airport stock exchange school oblast offensive operation "
    "meeting meetings round rounds road roadmap map amendment amendments decision decisions "
    "appeal call bloc negotiations framework peace commitments outcome action programme "
    "program agenda model rules guidelines statement conferences".split()
)
# "the Lima meeting", "the Vienna negotiations": after "the" a capital is
# used attributively, unless it qualifies a government ("the Kiev regime").
EN_GOVERNMENT_NOUNS = frozenset(
    "regime regimes government authorities leadership administration junta rulers "
    "establishment officials side politicians".split()
)
# Capitals that stand for something else when used alone: Brussels for the
# EU and NATO, Victoria and Santiago for people, Georgetown for a university;
# Jerusalem is named for the city and its status, not for a government.
CAPITALS_NOT_GOVERNMENT = frozenset(
    {
        "брюссель",
        "виктория",
        "сантьяго",
        "иерусалим",
        "восточный иерусалим",
        "brussels",
        "victoria",
        "santiago",
        "georgetown",
        "kingston",
        "jerusalem",
        "east jerusalem",
    }
)
# A dateline ("Москва, 31 июля 2018 года", "Moscow, April 19, 2022",
# "10:10 Москва, Кремль") gives the place of the statement, not a party.
DATELINE_NEXT_WORDS = frozenset(
    "января февраля марта апреля мая июня июля августа сентября октября ноября декабря "
    "january february march april may june july august september october november december "
    "кремль kremlin".split()
)

# A dot after these does not end a sentence ("Mr. Virgil Jordan", "г. Москва").
NON_FINAL_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st prof gen col lt sen rep jr sr vs no nos art para г гг т тт ул д им св ст н".split()
)

# Forms that are also common words when they start a sentence:
# "Того" (Togo) against the pronoun ("Того же мнения ...").
NOT_AT_SENTENCE_START = frozenset({"того"})

# Country names that are also first names ("Michael Jordan", "Chad Smith",
# "Израиль Бескин"): not matched next to another capitalised word (in
# Russian, before one: the surname follows the first name).
PERSON_LIKE_NAMES = {"en": frozenset({"jordan", "chad"}), "ru": frozenset({"израиль"})}
# Words that may stand next to those names inside a country name.
PERSON_GUARD_ALLOWED = frozenset({"republic", "kingdom", "hashemite", "of", "the", "and"})

# A name in the nominative after one of these words is a village or a
# street named after the country ("в посёлке Голландия", "на улице Куба");
# in the genitive it is the country again ("улицы Кубы").
RU_SETTLEMENT_WORDS = frozenset(
    "поселок поселка поселке село села селе деревня деревни деревне хутор хутора хуторе "
    "станция станции улица улицы улице проспект проспекта проспекте".split()
)

# All-capital abbreviations that are also ordinary words in an all-capital
# title ("LET US ..."): only matched when the words around are not capitals.
SHOUTABLE_ABBREVIATIONS = frozenset({"us", "car", "rsa"})

# "русский язык", "на русском и английском языках", "English language",
# "with English, French and Spanish translation": an adjective naming a
# language, alone or in a list of them, is not its country.
LANGUAGE_NOUN_PREFIXES = (
    "язык",
    "language",
    "translat",
    "subtitle",
    "interpret",
    "speaking",
    "speaker",
    "version",
    "dubb",
)
LIST_CONJUNCTIONS = frozenset({"and", "or", "и", "или"})
# "in Russian with English subtitles", "published in Russian and English":
# after "in", an adjective not followed by a noun names a language.
EN_LANGUAGE_PREPOSITION = "in"
EN_WORDS_AFTER_LANGUAGE = frozenset({"and", "or", "with", "by", "at", "on", "is", "was", "only", "too", "as"})

# Case endings for proper names pymorphy3 does not know (first match wins).
RU_NAME_ENDINGS = (
    ("ия", ("ии", "ию", "ией")),
    ("я", ("и", "е", "ю", "ей")),
    ("а", ("ы", "е", "у", "ой")),
    ("н", ("на", "ну", "ном", "не")),
    ("д", ("да", "ду", "дом", "де")),
    ("р", ("ра", "ру", "ром", "ре")),
    ("л", ("ла", "лу", "лом", "ле")),
    ("с", ("са", "су", "сом", "се")),
    ("т", ("та", "ту", "том", "те")),
)

# Russian compound prefixes are derived from the adjectives:
# "российский" -> "российско" ("российско-японских").
RU_PREFIX_ADJECTIVE_ENDINGS = ("ский", "цкий")

# Boilerplate that names Russia without being part of the statement.
BOILERPLATE_PATTERNS = (
    r"©\s*Министерство иностранных дел Российской Федерации",
    r"\s[-–—|]\s*Министерство иностранных дел Российской Федерации[ \t]*(?=\n|$)",
    r"©\s*(?:The )?Ministry of Foreign Affairs of the Russian Federation",
)
