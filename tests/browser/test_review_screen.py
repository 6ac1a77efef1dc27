"""An editor reviews a statement on the review screen with the keyboard, corrects a span by selecting
text with the mouse, and goes on to the next statement."""

import datetime as dt
import re
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from statements.models import Agreement, Event, Statement
from tests.factories import make_editor, make_statement

pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.django_db(transaction=True)]

SEED = Path(__file__).resolve().parents[2] / "sample" / "lavrov-2018-07-31-russia-japan-2plus2.txt"
PASSWORD = "correct-horse-battery-staple-42"
ACTIVE = re.compile(r"\bactive\b")


@pytest.fixture
def editor():
    call_command("ingest", str(SEED), "--no-progress")
    return make_editor(password=PASSWORD)


def cards(statement) -> list:
    """The screen's order: by position in the text, agreements before events on the same sentence."""
    items = [*Agreement.objects.filter(statement=statement), *Event.objects.filter(statement=statement)]
    return sorted(items, key=lambda i: (i.start, "a" if isinstance(i, Agreement) else "e"))


def key(item) -> str:
    return f"{'a' if isinstance(item, Agreement) else 'e'}{item.pk}"


def select_text(page, start: int, end: int) -> None:
    """Drag the mouse over the statement's characters start..end, as an editor would."""
    box = page.evaluate("""([start, end]) => {
        const root = document.getElementById("statement-text");
        // The text node and offset of the character at `at` (the body is the marked-up text's only content).
        function point(at) {
            const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
            let seen = 0;
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                if (at < seen + node.data.length) return [node, at - seen];
                seen += node.data.length;
            }
        }
        const [firstNode, firstOffset] = point(start), [lastNode, lastOffset] = point(end - 1);
        firstNode.parentElement.scrollIntoView({block: "center"});
        const first = document.createRange(), last = document.createRange();
        first.setStart(firstNode, firstOffset);
        first.setEnd(firstNode, firstOffset + 1);
        last.setStart(lastNode, lastOffset);
        last.setEnd(lastNode, lastOffset + 1);
        const a = first.getBoundingClientRect(), b = last.getBoundingClientRect();
        return {x1: a.left + 1, y1: a.top + a.height / 2, x2: b.right - 1, y2: b.top + b.height / 2};
    }""", [start, end])
    page.mouse.move(box["x1"], box["y1"])
    page.mouse.down()
    page.mouse.move((box["x1"] + box["x2"]) / 2, (box["y1"] + box["y2"]) / 2, steps=5)
    page.mouse.move(box["x2"], box["y2"], steps=5)
    page.mouse.up()


def test_an_editor_reviews_with_the_keyboard_and_selects_a_span(page, live_server, editor):
    seed = Statement.objects.get()
    older = make_statement(title="Более раннее заявление", body="Стороны договорились о встрече. Встреча пройдёт "
                           "в Москве.", published_on=dt.date(2017, 5, 1)).statement
    Agreement.objects.create(statement=older, text="Стороны договорились о встрече.", start=0, end=31)
    first, second, third = cards(seed)[:3]

    page.goto(f"{live_server.url}/admin/login/?next=/admin/review/")
    page.fill("#id_username", "editor")
    page.fill("#id_password", PASSWORD)
    page.press("#id_password", "Enter")
    page.click("#start-review")
    expect(page.locator("h1")).to_have_text(seed.title)
    expect(page.locator(".shortcuts")).to_contain_text("j")

    # The first card waiting is the active one: v verifies it, and the next one becomes active.
    expect(page.locator(f"#item-{key(first)}")).to_have_class(ACTIVE)
    page.keyboard.press("v")
    expect(page.locator(f"#item-{key(second)}")).to_have_class(ACTIVE)
    page.keyboard.press("x")
    expect(page.locator(f"#item-{key(third)}")).to_have_class(ACTIVE)
    # j and k move between the cards.
    page.keyboard.press("j")
    expect(page.locator(f"#item-{key(third)}")).not_to_have_class(ACTIVE)
    page.keyboard.press("k")
    expect(page.locator(f"#item-{key(third)}")).to_have_class(ACTIVE)

    # A shorter span for the third item, chosen by selecting its first words in the text.
    words = third.text.split()
    shorter = " ".join(words[:max(2, len(words) // 2)])
    select_text(page, third.start, third.start + len(shorter))
    card = page.locator(f"#item-{key(third)}")
    expect(card.locator("input[name$='-start']")).to_have_value(str(third.start))
    expect(card.locator("input[name$='-end']")).to_have_value(str(third.start + len(shorter)))
    expect(card.locator(".span-preview")).to_contain_text(shorter)
    page.keyboard.press("e")
    page.keyboard.press("Enter")  # saves the correction
    expect(page.locator(".messagelist")).to_be_visible()

    # On to the next statement without the list.
    page.keyboard.press("n")
    expect(page.locator("h1")).to_have_text("Более раннее заявление")

    assert type(first).objects.get(pk=first.pk).verified
    assert type(second).objects.get(pk=second.pk).rejected
    corrected = type(third).objects.get(pk=third.pk)
    assert (corrected.start, corrected.end, corrected.text, corrected.origin) == (
        third.start, third.start + len(shorter), shorter, "editor")
