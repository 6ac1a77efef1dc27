"""Who speaks in a statement, from its title and text (labelled turns are in turns.py).

Russian titles name the speaker with initials, in the genitive
("Выступление Министра иностранных дел России С.В.Лаврова ..."); a counterpart
follows "с" ("... с Министром иностранных дел Японии Т.Коно") and is not a
speaker unless the transcript records their words. English texts name
Russian officials by post and full name ("Russia's Foreign Minister Sergey
Lavrov", "Ambassador of Russia to Norway Nikolay Korchunov"); a foreign
counterpart named beside them ("Foreign Minister of Cuba Bruno Rodríguez
Parrilla") is not the ministry's speaker.
"""

from __future__ import annotations

import re

from statements.parse.names import INITIALLED_NAME, english_surname
from statements.text.surnames import TITLE_CASES, surname_nominative

# Between a title's speaker and a later name, these words make the later one
# a counterpart: "встреча С.В.Лаврова с Министром ... С.Джайшанкаром".
COUNTERPART_BEFORE = re.compile(r"(?<![\w-])(?:с|со|между|для|к|у|от)(?![\w-])", re.IGNORECASE)

# Posts that make a Russian official's name a speaker in English texts.
RUSSIAN_POSTS = re.compile(
    r"\b(?:Minister|FM|Spokeswoman|Spokesperson|Spokesman|President|Premier|Ambassador|Envoy|"
    r"Representative|Aide|Adviser|Advisor|Director|Secretary|Commissioner|Chairman|Chairwoman|"
    r"Speaker|Consul|Chargé|Head|Deputy|Ombudsman|Plenipotentiary)\b"
)

# Russian first names in English spelling: a "Given Surname" with one of them
# after a post is a Russian official (the foreign counterpart's is not in here).
RUSSIAN_GIVEN_NAMES = {
    "Aleksandr", "Aleksander", "Alexander", "Aleksei", "Aleksey", "Alexei", "Alexey", "Anatoly", "Anatoliy",
    "Andrei", "Andrey", "Anna", "Anton", "Arkady", "Artem", "Artyom", "Boris", "Denis", "Dmitri", "Dmitriy",
    "Dmitry", "Eduard", "Ekaterina", "Elena", "Evgeny", "Evgeniy", "Fedor", "Fyodor", "Galina", "Gennadiy",
    "Gennady", "Georgy", "Gleb", "Grigory", "Igor", "Ilya", "Irina", "Ivan", "Kirill", "Konstantin", "Leonid",
    "Lyudmila", "Maksim", "Maria", "Mariya", "Marina", "Maxim", "Mikhail", "Nadezhda", "Natalia", "Natalya",
    "Nikita", "Nikolai", "Nikolay", "Oleg", "Olga", "Pavel", "Petr", "Pyotr", "Ramzan", "Rodion", "Roman",
    "Ruslan", "Rustam", "Semyon", "Sergei", "Sergey", "Stanislav", "Stepan", "Svetlana", "Tatiana", "Tatyana",
    "Timur", "Valentina", "Valery", "Valeriy", "Vasily", "Vassily", "Viktor", "Vitaly", "Vladimir",
    "Vladislav", "Vyacheslav", "Yakov", "Yekaterina", "Yelena", "Yevgeny", "Yulia", "Yuri", "Yury", "Zakhar",
}  # fmt: skip

# The officials whose words the ministry's channels quote most, named even
# without their post ("Sergey Lavrov held a meeting ...").
RUSSIAN_OFFICIALS = {
    "Putin", "Lavrov", "Zakharova", "Peskov", "Ushakov", "Ryabkov", "Galuzin", "Rudenko", "Grushko",
    "Nebenzia", "Polyansky", "Miroshnik", "Gatilov", "Ulyanov", "Moskalkova", "Shoigu", "Mishustin",
    "Matviyenko", "Volodin", "Pankin", "Vershinin", "Bogdanov", "Lukashevich", "Lavrentiev",
}  # fmt: skip

# "Article by Mikael Agasandyan", "Message by H.E. Mr. Evgeny Terekhin": the author speaks.
AUTHOR = re.compile(
    r"\b(?:Article|Op-ed|Interview|Comment|Commentary|Statement|Letter|Remarks|Address|Speech|Message|"
    r"Answers?|Greetings|Briefing|Lecture|Column)s? by (?:H\.\s?E\.\s?)?(?:(?:Mr|Ms|Mrs|Dr)\.?\s)?"
    r"(?P<given>[A-Z][a-z]+) (?P<surname>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?![\w-])"
)
AUTHORED = re.compile(
    r"\b(?:Article|Op-ed|Interview|Comment|Commentary|Statement|Letter|Remarks|Address|Speech|Message|"
    r"Answers?|Greetings|Briefing|Lecture|Column)s? (?:of|by)\b"
)
# Words that read as a first name after "by" but open a post ("by Russian Foreign Minister ...").
NOT_GIVEN_NAMES = {
    "Russian", "Russia", "Foreign", "Permanent", "Ambassador", "Minister", "Ministry", "Deputy", "President",
    "Prime", "Spokeswoman", "Spokesperson", "Official", "Director", "Aide", "High", "Embassy", "Mission",
    "Special", "First", "State", "United", "General", "Secretary", "Head", "Chairman", "Consul", "Senior",
}  # fmt: skip
# Words joining the words of a post ("Minister of Foreign Affairs of the
# Russian Federation", "Ambassador of Russia to Norway").
POST_JOINERS = {"of", "the", "to", "for", "at", "and", "&", "on", "in"}
RUSSIA_MARKERS = re.compile(r"\bRussia(?:n|['’]s)?\b|\bRussian Federation\b")
# "H.E. Mr Anatoly Borovik, Russian Ambassador": the post after the name.
POST_AFTER_NAME = re.compile(
    r"^,?\s(?:the\s)?(?:Russian\s|Russia['’]s\s)?(?:Ambassador|Minister|Deputy|Spokeswoman|Spokesperson|"
    r"Permanent Representative|Director|Aide|Consul|Chargé)"
)
TOKEN_EDGES = re.compile(r"^[#(\"“«]+|(?:['’]s)?[,.:;!?)\"”»]*$")
SURNAME = re.compile(r"[A-Z][a-z]+(?:-[A-Z][a-z]+)?")


def bare(token: str) -> str:
    """A token without hashtag, brackets, quotes, possessive and punctuation."""
    return TOKEN_EDGES.sub("", token)


def post_chain(tokens: list[str], index: int) -> list[str]:
    """The capitalised words and joiners right before the name at index: its post."""
    chain: list[str] = []
    for position in range(index - 1, -1, -1):
        token = tokens[position]
        word = bare(token)
        if not word or not (word[:1].isupper() or word in POST_JOINERS):
            break
        if position < index - 1 and token.endswith((".", ":", ";", "!", "?")):
            break  # the end of an earlier sentence
        if word == "and" and RUSSIAN_POSTS.search(" ".join(chain)):
            break  # "Sergey Lavrov and Foreign Minister of Belarus ...": another person's post
        chain.append(word)
    chain.reverse()
    while chain and chain[0] in POST_JOINERS - {"to"}:
        chain.pop(0)
    return chain


def english_officials(text: str) -> list[str]:
    """Surnames of the Russian officials an English text names by post or by a
    well-known name, in order of first mention. A name an item is addressed to
    ("a message to Director ... Maria Zakharova") is not a speaker, nor is a
    foreign counterpart ("Foreign Minister of Belarus Maxim Ryzhenkov")."""
    found: list[str] = []
    tokens = text.split()
    for index in range(len(tokens) - 1):
        given, surname = tokens[index].lstrip("#"), bare(tokens[index + 1])
        if given not in RUSSIAN_GIVEN_NAMES or not SURNAME.fullmatch(surname) or surname in found:
            continue
        chain = post_chain(tokens, index)
        if chain and chain[0] == "to":
            continue
        joined = " ".join(chain)
        after = " " + " ".join(tokens[index + 2 : index + 8])
        has_post = bool(RUSSIAN_POSTS.search(joined)) or bool(POST_AFTER_NAME.match(after))
        # The channel's own officials need no country; a post "of" another
        # country is a counterpart's.
        foreign = " of " in f" {joined} " and not RUSSIA_MARKERS.search(joined)
        if surname in RUSSIAN_OFFICIALS or (has_post and not foreign):
            found.append(surname)
    return found


def english_authors(title: str) -> list[str]:
    """The author of an item the title says is by someone: "Article by Mikael
    Agasandyan", or the first official after "by" ("Comment by Aide to the
    President Yury Ushakov following the conversation between Vladimir Putin
    and ..." -> Ushakov only)."""
    direct = [
        m["surname"]
        for m in AUTHOR.finditer(title)
        if m["given"] not in NOT_GIVEN_NAMES and m["surname"] not in NOT_GIVEN_NAMES
    ]
    if direct:
        return direct[:1]
    by = AUTHORED.search(title)
    return english_officials(title[by.end() :])[:1] if by else []


def russian_title_speakers(title: str) -> list[str]:
    """The nominative surnames of the title's speakers: the initialled names up to
    the first counterpart ("с ...")."""
    speakers: list[str] = []
    previous_end = 0
    for match in INITIALLED_NAME.finditer(title):
        # A name after "с" is a counterpart, and so is every name after it
        # ("Встреча с ... С.Джайшанкаром").
        if COUNTERPART_BEFORE.search(title[previous_end : match.start()]):
            break
        surname = surname_nominative(match["surname"], cases=TITLE_CASES)
        if surname not in speakers:
            speakers.append(surname)
        previous_end = match.end()
    return speakers


def english_title_speakers(title: str) -> list[str]:
    """Who speaks, by an English title: its author if it names one, else the
    Russian officials it names."""
    return english_authors(title) or english_officials(title)


def record_speaker(value: object, lang: str) -> str | None:
    """The record's own "speaker" field ("Sergey Lavrov") as a surname; only for
    English texts, as the field is written in Latin letters."""
    if not isinstance(value, str) or not value.strip() or lang != "en":
        return None
    return english_surname(value)


def merge(*groups: list[str]) -> list[str]:
    merged: list[str] = []
    for group in groups:
        for name in group:
            if name and name not in merged:
                merged.append(name)
    return merged
