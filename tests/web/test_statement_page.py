"""The statement page: a legend for its highlights, a permalink and a citation (the source only where there
is one, BibTeX to copy), and the statements of the same people and topics."""

import datetime as dt
import re

import pytest

from statements.extract import extract
from statements.extract.records import Extraction
from statements.models import Agreement, Statement
from statements.services.store import store_statement
from statements.web.citation import tex
from tests.factories import agreement, event, make_statement, parsed_statement

pytestmark = pytest.mark.django_db

BODY = ("Сергей Лавров провёл переговоры с японскими коллегами о мирном договоре.\n\n"
        "Договорились продолжать сотрудничество. Бизнес-миссия состоится 16-20 августа этого года.")


def ingest(title: str, body: str, published_on: dt.date, **fields) -> Statement:
    parsed = parsed_statement(title=title, body=body, published_on=published_on, **fields)
    extraction = extract(parsed)
    extraction = Extraction(agreements=[agreement(body, s) for s in re.findall(r"Договорились[^.]*\.", body)],
                            events=[event(body, s, dt.date(2018, 8, 16), dt.date(2018, 8, 20))
                                    for s in re.findall(r"Бизнес-миссия[^.]*\.", body)],
                            countries=extraction.countries, people=extraction.people, topics=extraction.topics)
    return store_statement(parsed=parsed, extraction=extraction, record={"title": title}).statement


@pytest.fixture
def statement():
    return ingest("Выступление С.В.Лаврова, Москва, 31 июля 2018 года", BODY, dt.date(2018, 7, 31),
                  url="https://www.mid.ru/ru/foreign_policy/news/1430/", speakers=["С.В.Лавров"])


def test_the_highlights_have_a_legend_and_say_an_editor_has_not_checked_them(client, statement):
    html = client.get(statement.get_absolute_url()).content.decode()
    legend = html[html.index('class="legend"'):html.index('class="body"')]
    assert '<mark class="agreement">' in legend and '<mark class="event">' in legend
    assert "не проверено" in html  # the machine's items, unchecked
    Agreement.objects.filter(statement=statement).update(verified=True)
    assert "проверено редактором" in client.get(statement.get_absolute_url()).content.decode()


def test_a_statement_without_highlights_has_no_legend(client):
    plain = make_statement(title="Комментарий", body="Россия и Китай провели консультации.").statement
    assert 'class="legend"' not in client.get(plain.get_absolute_url()).content.decode()


def test_the_citation_gives_the_permalink_the_source_and_bibtex(client, statement):
    html = client.get(statement.get_absolute_url()).content.decode()
    permalink = f"http://testserver/statements/{statement.pk}/"
    assert f'<link rel="canonical" href="{permalink}">' in html
    assert f'class="permalink" href="{permalink}"' in html
    bibtex = html[html.index('<pre id="bibtex-entry"'):]
    bibtex = bibtex[:bibtex.index("</pre>")]
    assert f"@misc{{lavrov2018-{statement.pk}," in bibtex
    assert "author = {Сергей Лавров}" in bibtex and "month = jul" in bibtex and "date = 2018-07-31" in bibtex
    assert "url = {https://www.mid.ru/ru/foreign_policy/news/1430/}" in bibtex
    assert permalink in bibtex  # in the note
    assert 'data-copy="bibtex-entry"' in html and "js/copy.js" in html  # the button, for browsers that run it


def test_a_statement_without_a_source_url_does_not_promise_one(client):
    telegram = make_statement(title="Сообщение", body="Россия и Китай провели консультации.", url="",
                              source="mfa_telegram.csv").statement
    html = client.get(telegram.get_absolute_url()).content.decode()
    assert "Издатель не дал ссылки на это заявление" in html
    assert "mfa_telegram.csv" in html
    bibtex = html[html.index('<pre id="bibtex-entry"'):]
    assert f"url = {{http://testserver/statements/{telegram.pk}/}}" in bibtex  # the permalink instead
    footer = html[html.index('class="site-footer"'):]
    assert "если издатель дал ссылку" in footer


def test_bibtex_fields_escape_what_tex_would_read_as_commands():
    assert tex("50% {скидка} & #1 $x_1$ \\end") == r"50\% \{скидка\} \& \#1 \$x\_1\$ \textbackslash{}end"
    assert tex("два\nабзаца") == "два абзаца"


def test_related_statements_of_the_same_people_and_topics_nearest_in_time(client, statement):
    near = ingest("Интервью С.В.Лаврова о Японии", "Сергей Лавров рассказал о мирном договоре с Японией.",
                  dt.date(2018, 8, 10))
    far = ingest("Статья С.В.Лаврова", "Сергей Лавров написал о мирном договоре.", dt.date(2023, 1, 1))
    for n in range(6):
        ingest(f"Заявление Лаврова {n}", "Сергей Лавров выступил.", dt.date(2020, 1, 1 + n))
    html = client.get(statement.get_absolute_url()).content.decode()
    related = html[html.index('class="related"'):html.index('class="cite"')]
    assert "/people/lavrov-sergey/" in related
    assert near.get_absolute_url() in related and far.get_absolute_url() not in related
    assert related.count("<li>") <= 4 * 4  # a few each
    assert statement.get_absolute_url() not in related
    # Each statement once, under the first heading it belongs to.
    links = re.findall(r'href="(/statements/\d+/)"', related)
    assert len(links) == len(set(links))


def test_the_statement_page_reads_in_a_fixed_number_of_queries(client, statement, django_assert_max_num_queries):
    for n in range(5):
        ingest(f"Заявление Лаврова {n}", "Сергей Лавров выступил о мирном договоре.", dt.date(2019, 1, 1 + n))
    with django_assert_max_num_queries(20):
        assert client.get(statement.get_absolute_url()).status_code == 200
