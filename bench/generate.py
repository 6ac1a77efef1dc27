"""A realistic corpus of N statements built from the sentences of ../shared/corpus.

Each statement is a JSON Lines record (title, date, url, lang, text, speaker,
source) as `manage.py ingest` reads them. Bodies are runs of consecutive
sentences taken from real statements (Russian from kremlin.ru and mid.ru,
English from the MFA's Telegram channel and the UN general debate), so words,
phrases and names occur as they do in the archive. Around them the generator
varies what the archive's filters and pages depend on:

- dates: uniform over 1995-2026, with a time of day on most;
- language: two thirds Russian, one third English;
- kind: every kind of the vocabulary, from title templates (or a real title);
- countries: one to three per statement, named in sentences an extractor
  reads (an agreement between Russia and the country, an event with a
  calendar date), drawn from all ISO countries with the usual ones likelier;
- length: log-normal, median 2,500 characters, from a few lines to 60,000.

Deterministic for a given seed. `python -m bench.generate N OUT.jsonl [--seed S]`.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import math
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
COUNTRIES_CSV = ROOT / "statements" / "data" / "countries.csv"

SENTENCE_END = re.compile(r"(?<=[.!?…»\"])\s+(?=[A-ZА-ЯЁ«\"])")
MIN_SENTENCE, MAX_SENTENCE = 25, 600
UNGD_EVERY = 10  # one UN speech in ten is enough sentences, and keeps loading fast

FIRST_DAY, LAST_DAY = dt.date(1995, 1, 1), dt.date(2026, 6, 30)
RUSSIAN_SHARE = 2 / 3
REAL_TITLE_SHARE = 0.3
MEDIAN_CHARS, SIGMA, MIN_CHARS, MAX_CHARS = 2500, 1.0, 200, 60_000
# Countries the archive names most; the rest of the ISO list fills the tail.
USUAL = ["CN", "US", "JP", "IN", "TR", "DE", "FR", "GB", "UA", "BY", "KZ", "IR", "SY", "IL", "EG", "BR", "ZA",
         "VN", "KP", "KR", "SA", "AE", "IT", "RS", "AM", "AZ", "UZ", "KG", "TJ", "MN", "PK", "AF", "VE", "CU"]
USUAL_WEIGHT = 8

MONTHS_RU = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
             "ноября", "декабря"]
MONTHS_EN = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December"]

SPEAKERS = {  # record "speaker" and how titles name them
    "ru": [("Sergey Lavrov", "Министра иностранных дел Российской Федерации С.В.Лаврова"),
           ("Maria Zakharova", "официального представителя МИД России М.В.Захаровой"),
           ("Sergey Ryabkov", "заместителя Министра иностранных дел России С.А.Рябкова"),
           ("Vladimir Putin", "Президента России В.В.Путина"),
           ("Alexander Grushko", "заместителя Министра иностранных дел России А.В.Грушко"),
           ("Vassily Nebenzia", "Постоянного представителя России при ООН В.А.Небензи")],
    "en": [("Sergey Lavrov", "Foreign Minister Sergey Lavrov"),
           ("Maria Zakharova", "Foreign Ministry Spokeswoman Maria Zakharova"),
           ("Sergey Ryabkov", "Deputy Foreign Minister Sergey Ryabkov"),
           ("Vladimir Putin", "President Vladimir Putin"),
           ("Alexander Grushko", "Deputy Foreign Minister Alexander Grushko"),
           ("Vassily Nebenzia", "Permanent Representative Vassily Nebenzia")],
}
FORUMS = {"ru": ["заседании Совета Безопасности ООН", "форуме «Примаковские чтения»",
                 "сессии Генеральной Ассамблеи ООН", "встрече министров иностранных дел БРИКС",
                 "заседании СМИД ШОС", "конференции по безопасности"],
          "en": ["the UN Security Council", "the Primakov Readings forum", "the UN General Assembly",
                 "the BRICS foreign ministers' meeting", "the SCO Council of Foreign Ministers",
                 "a security conference"]}
MEDIA = {"ru": ["газете «Коммерсантъ»", "агентству ТАСС", "телеканалу «Россия 1»", "РИА Новости",
                "журналу «Международная жизнь»"],
         "en": ["TASS", "RIA Novosti", "the Russia Today TV channel", "Izvestia", "International Affairs magazine"]}
# {speaker} {country} {forum} {media} {date} are filled in; the head words decide the kind (statements/data/kinds.csv).
TITLES = {
    "ru": [
        "Выступление {speaker} на {forum}, {place}, {date}",
        "Интервью {speaker} {media}",
        "Ответы {speaker} на вопросы СМИ по итогам переговоров с делегацией страны {country}, {place}",
        "Совместная пресс-конференция по итогам переговоров России и страны {country}, {place}",
        "Брифинг {speaker}, Москва, {date}",
        "Заявление МИД России о ситуации вокруг страны {country}",
        "Совместное заявление Российской Федерации и страны {country} о стратегическом партнёрстве",
        "Комментарий {speaker} в связи с событиями в стране {country}",
        "Статья {speaker} для журнала «Россия в глобальной политике»",
        "Приветствие {speaker} участникам конференции «Россия и {country}: перспективы сотрудничества»",
        "Телефонный разговор С.В.Лаврова с Министром иностранных дел страны {country}",
        "Встреча С.В.Лаврова с Министром иностранных дел страны {country}",
        "Российско-китайские переговоры",
        "Анонс: {date} состоятся переговоры С.В.Лаврова с Министром иностранных дел страны {country}",
    ],
    "en": [
        "{speaker}'s remarks at {forum}, {place}, {date}",
        "{speaker}'s interview with {media}",
        "{speaker}'s answers to media questions following talks with the delegation of {country}, {place}",
        "Joint news conference following Russia-{country} talks, {place}",
        "Briefing by {speaker}, Moscow, {date}",
        "Statement by the Russian Foreign Ministry on the situation in {country}",
        "Joint statement by the Russian Federation and {country} on strategic partnership",
        "Comment by {speaker} on the developments in {country}",
        "Article by {speaker} for Russia in Global Affairs",
        "Message of greetings from {speaker} to the conference Russia and {country}",
        "Telephone conversation between Sergey Lavrov and the Foreign Minister of {country}",
        "Talks between Sergey Lavrov and the Foreign Minister of {country}",
        "{speaker} will hold talks with the Foreign Minister of {country} on {date}",
    ],
}
PLACES = {"ru": ["Москва", "Нью-Йорк", "Женева", "Пекин", "Нью-Дели", "Анкара", "Минск", "Астана", "Сочи"],
          "en": ["Moscow", "New York", "Geneva", "Beijing", "New Delhi", "Ankara", "Minsk", "Astana", "Sochi"]}
# Sentences the extractors read: an agreement, an upcoming event with a calendar date.
AGREEMENT = {"ru": ["Россия и {country} договорились продолжить консультации на уровне заместителей министров.",
                    "Стороны подписали соглашение о сотрудничестве; Россия и {country} подтвердили приверженность "
                    "принципам международного права."],
             "en": ["Russia and {country} agreed to continue consultations at the level of deputy ministers.",
                    "The sides signed an agreement on cooperation; Russia and {country} reaffirmed their commitment "
                    "to international law."]}
EVENT = {"ru": ["Следующий раунд переговоров с делегацией страны {country} пройдёт в Москве "
                "{day} {month_ru} {year} года.",
                "{day} {month_ru} {year} года состоится визит Министра иностранных дел страны {country} в Россию."],
         "en": ["The next round of talks with {country} will take place in Moscow on {month_en} {day}, {year}.",
                "The Foreign Minister of {country} will visit Russia on {month_en} {day}, {year}."]}


@dataclass(frozen=True)
class Source:
    lang: str
    sentences: list[str]


def split_sentences(text: str) -> list[str]:
    out = []
    for paragraph in text.split("\n"):
        for sentence in SENTENCE_END.split(paragraph.strip()):
            sentence = sentence.strip()
            if MIN_SENTENCE <= len(sentence) <= MAX_SENTENCE:
                out.append(sentence)
    return out


def _jsonl(path: Path) -> Iterator[dict]:
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                yield json.loads(line)


def load_sources(corpus: Path = CORPUS) -> tuple[dict[str, list[Source]], dict[str, list[str]]]:
    """Sentences of every statement of the corpus, by language; and the real titles."""
    sources: dict[str, list[Source]] = {"ru": [], "en": []}
    titles: dict[str, list[str]] = {"ru": [], "en": []}
    files = [corpus / "kremlin" / "kremlin-2025.jsonl", corpus / "midru" / "midru-statements.jsonl",
             corpus / "telegram-en" / "mfa-telegram-2025-2026.jsonl"]
    for path in files:
        for record in _jsonl(path):
            lang = "ru" if sum("а" <= c <= "я" for c in record["text"][:2000].lower()) > 100 else "en"
            sentences = split_sentences(record["text"])
            if sentences:
                sources[lang].append(Source(lang, sentences))
            title = (record.get("title") or "").split(" - Министерство")[0].strip()
            if 20 <= len(title) <= 200 and not title.isupper():
                titles[lang].append(title)
    for i, record in enumerate(_jsonl(corpus / "ungd" / "ungd-speeches.jsonl")):
        if i % UNGD_EVERY == 0:
            sources["en"].append(Source("en", split_sentences(record["text"])))
    for path in sorted((corpus / "seed").glob("*.txt")):
        sources["ru"].append(Source("ru", split_sentences(path.read_text(encoding="utf-8"))))
    return sources, titles


def load_countries(path: Path = COUNTRIES_CSV) -> list[tuple[str, str, str]]:
    """(code, name_en, name_ru) of every country the archive knows."""
    with path.open(encoding="utf-8") as handle:
        return [(row["code"], row["name_en"], row["name_ru"]) for row in csv.DictReader(handle)]


class Generator:
    def __init__(self, seed: int = 8, corpus: Path = CORPUS):
        self.random = random.Random(seed)
        self.sources, self.titles = load_sources(corpus)
        self.countries = load_countries()
        weights = {code: USUAL_WEIGHT for code in USUAL}
        self.country_weights = [weights.get(code, 1) for code, _, _ in self.countries]
        self.days = (LAST_DAY - FIRST_DAY).days

    def _countries(self) -> list[tuple[str, str, str]]:
        n = self.random.choice([1, 1, 1, 2, 2, 3])
        return self.random.choices(self.countries, weights=self.country_weights, k=n)

    def _length(self) -> int:
        chars = self.random.lognormvariate(math.log(MEDIAN_CHARS), SIGMA)
        return int(min(MAX_CHARS, max(MIN_CHARS, chars)))

    def _date_words(self, lang: str, day: dt.date) -> str:
        if lang == "ru":
            return f"{day.day} {MONTHS_RU[day.month - 1]} {day.year} года"
        return f"{MONTHS_EN[day.month - 1]} {day.day}, {day.year}"

    def _title(self, lang: str, published: dt.date, country: str) -> tuple[str, str | None]:
        if self.titles[lang] and self.random.random() < REAL_TITLE_SHARE:
            return self.random.choice(self.titles[lang]), None
        speaker, speaker_title = self.random.choice(SPEAKERS[lang])
        template = self.random.choice(TITLES[lang])
        title = template.format(
            speaker=speaker_title, country=country, forum=self.random.choice(FORUMS[lang]),
            media=self.random.choice(MEDIA[lang]), place=self.random.choice(PLACES[lang]),
            date=self._date_words(lang, published),
        )
        return title[0].upper() + title[1:], speaker if "{speaker}" in template else None

    def _body(self, lang: str, countries: list[tuple[str, str, str]], published: dt.date) -> str:
        target = self._length()
        paragraphs: list[str] = []
        size = 0
        while size < target:
            source = self.random.choice(self.sources[lang])
            run = self.random.randint(1, 6)
            start = self.random.randrange(max(1, len(source.sentences) - run + 1))
            paragraph = " ".join(source.sentences[start:start + run])
            paragraphs.append(paragraph)
            size += len(paragraph) + 2
        for _code, name_en, name_ru in countries:
            name = name_ru if lang == "ru" else name_en
            if self.random.random() < 0.5:
                sentence = self.random.choice(AGREEMENT[lang]).format(country=name)
            else:
                day = published + dt.timedelta(days=self.random.randint(7, 120))
                sentence = self.random.choice(EVENT[lang]).format(
                    country=name, day=day.day, month_ru=MONTHS_RU[day.month - 1], month_en=MONTHS_EN[day.month - 1],
                    year=day.year)
            paragraphs.insert(self.random.randrange(len(paragraphs) + 1), sentence)
        return "\n\n".join(paragraphs)

    def record(self, number: int) -> dict:
        lang = "ru" if self.random.random() < RUSSIAN_SHARE else "en"
        published = FIRST_DAY + dt.timedelta(days=self.random.randrange(self.days))
        countries = self._countries()
        first = countries[0][2] if lang == "ru" else countries[0][1]
        title, speaker = self._title(lang, published, first)
        date = published.isoformat()
        if self.random.random() < 0.8:
            date += f"T{self.random.randint(8, 21):02d}:{self.random.choice([0, 15, 30, 45]):02d}"
        record = {"title": title, "date": date, "url": f"https://bench.invalid/{lang}/statements/{number}",
                  "lang": lang, "text": self._body(lang, countries, published), "source": "bench generator"}
        if speaker:
            record["speaker"] = speaker
        return record

    def records(self, n: int) -> Iterator[dict]:
        for number in range(1, n + 1):
            yield self.record(number)


def write(n: int, out: Path, seed: int = 8) -> dict:
    """Write n records to `out`; returns what was written, for RESULTS.md."""
    out.parent.mkdir(parents=True, exist_ok=True)
    generator = Generator(seed)
    chars, langs = 0, {"ru": 0, "en": 0}
    with out.open("w", encoding="utf-8") as handle:
        for record in generator.records(n):
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            chars += len(record["text"])
            langs[record["lang"]] += 1
    return {"records": n, "chars": chars, "mean_chars": chars / n if n else 0, "langs": langs,
            "sentences": {lang: sum(len(s.sentences) for s in sources) for lang, sources in generator.sources.items()}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=8)
    args = parser.parse_args()
    print(json.dumps(write(args.n, args.out, args.seed), ensure_ascii=False))


if __name__ == "__main__":
    main()
