"""Charts of statements over time: a real time axis, labelled, bars that open the month's statements,
and the same figures as text beside the chart."""

import datetime as dt
import re

import pytest

from statements.extract.records import Extraction
from statements.web.charts import MAX_MONTHS, time_chart
from tests.factories import make_statement


def test_empty_months_get_their_slot_on_the_axis():
    chart = time_chart([(dt.date(2018, 7, 1), 3), (dt.date(2018, 10, 1), 1)], search={"country": "JP"})
    assert chart.unit == "month"
    assert [(b.label, b.count) for b in chart.bars] == [("2018-07", 3), ("2018-08", 0), ("2018-09", 0),
                                                         ("2018-10", 1)]
    assert [b.x for b in chart.bars] == sorted({b.x for b in chart.bars})  # one slot each, left to right
    assert chart.empty == 2 and chart.peak == 3 and chart.total == 4
    assert chart.bars[0].url == "/statements/?country=JP&date_from=2018-07-01&date_to=2018-07-31"
    assert chart.bars[1].url == "" and chart.bars[1].height == 0
    assert chart.bars[0].height == 100 and 0 < chart.bars[3].height < 50


def test_a_february_ends_on_its_last_day_and_a_long_span_is_counted_in_years():
    assert time_chart([(dt.date(2024, 2, 1), 1)]).bars[0].url.endswith("date_from=2024-02-01&date_to=2024-02-29")
    chart = time_chart([(dt.date(1946, 9, 1), 2), (dt.date(2026, 3, 1), 5), (dt.date(2026, 1, 1), 1)])
    assert chart.unit == "year" and len(chart.bars) == 2026 - 1946 + 1
    assert (chart.bars[0].label, chart.bars[-1].label, chart.bars[-1].count) == ("1946", "2026", 6)
    assert chart.bars[-1].url.endswith("date_from=2026-01-01&date_to=2026-12-31")
    assert len(chart.ticks) <= 8
    assert MAX_MONTHS == 120
    months = time_chart([(dt.date(2000, 1, 1), 1), (dt.date(2009, 12, 1), 1)])
    assert months.unit == "month" and len(months.bars) == MAX_MONTHS
    assert time_chart([(dt.date(2000, 1, 1), 1), (dt.date(2010, 1, 1), 1)]).unit == "year"


def test_ticks_mark_where_the_years_begin_and_keep_apart():
    chart = time_chart([(dt.date(2018, 11, 1), 1), (dt.date(2020, 2, 1), 1)])
    assert [(t.label, t.left) for t in chart.ticks] == [("2018", "0.00%"), ("2019", "12.50%"), ("2020", "87.50%")]
    # December then January: the second label would sit on the first; one near the right edge would run off it.
    chart = time_chart([(dt.date(2018, 12, 1), 1), (dt.date(2020, 6, 1), 1)])
    assert [t.label for t in chart.ticks] == ["2018", "2020"]
    chart = time_chart([(dt.date(2018, 1, 1), 1), (dt.date(2019, 1, 1), 1)])
    assert [t.label for t in chart.ticks] == ["2018"]


@pytest.mark.django_db
def test_the_country_page_s_chart_is_labelled_links_each_month_and_says_it_in_words(client):
    for published_on in (dt.date(2018, 7, 31), dt.date(2018, 7, 2), dt.date(2019, 2, 1)):
        make_statement(title=f"О Японии {published_on}", published_on=published_on,
                       extraction=Extraction(countries={"JP": 1}))
    make_statement(title="О Китае", published_on=dt.date(2018, 7, 15), extraction=Extraction(countries={"CN": 1}))
    html = client.get("/countries/JP/").content.decode()
    figure = html[html.index('<figure class="chart-figure">'):html.index("</figure>")]
    assert "Заявления по месяцам" in figure
    assert "всего 3 с 2018-07 по 2019-02; больше всего, 2, в 2018-07." in figure
    assert "6 месяцев без заявлений." in figure
    assert figure.count('<rect class="bar"') == 2 and figure.count('<rect class="empty"') == 6
    assert ">заявления<" in figure and ">месяц<" in figure  # the axes' titles
    assert ">2018<" in figure and ">2019<" in figure  # the time axis' labels
    # The table beside the chart: every month with statements, each a link to them.
    table = figure[figure.index("<table>"):]
    links = re.findall(r'<td><a href="([^"]+)">([^<]+)</a></td><td>(\d+)</td>', table)
    assert [(label, n) for _, label, n in links] == [("2018-07", "2"), ("2019-02", "1")]
    july = client.get(links[0][0].replace("&amp;", "&"))
    assert sorted(s.title for s in july.context["page"]) == ["О Японии 2018-07-02", "О Японии 2018-07-31"]
