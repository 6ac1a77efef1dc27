// The review screen (statements/admin/review.py): keyboard shortcuts, and spans chosen by selecting text.
// Without this script the page still works: every action is a form, every offset a number field.
(function () {
  "use strict";

  const text = document.getElementById("statement-text");
  const cards = Array.from(document.querySelectorAll(".review-item"));
  if (!text || !cards.length) return;
  let active = null;

  function activate(card, scroll) {
    if (!card) return;
    cards.forEach((c) => c.classList.toggle("active", c === card));
    active = card;
    text.querySelectorAll("mark.current").forEach((m) => m.classList.remove("current"));
    const marks = text.querySelectorAll("mark[data-items]");
    let first = null;
    marks.forEach((m) => {
      if (m.dataset.items.split(" ").includes(card.dataset.key)) {
        m.classList.add("current");
        first = first || m;
      }
    });
    if (scroll !== false) {
      card.scrollIntoView({block: "nearest"});
      if (first) first.scrollIntoView({block: "nearest"});
    }
    if (document.activeElement === document.body || !card.contains(document.activeElement)) {
      card.focus({preventScroll: true});
    }
  }

  function step(by) {
    const at = cards.indexOf(active);
    activate(cards[Math.min(cards.length - 1, Math.max(0, at + by))]);
  }

  function press(value) {
    if (!active) return;
    const button = active.querySelector(`button[name=action][value=${value}]`);
    if (button) button.click();
  }

  // The card to start with: the one the address names (after an action), else the first one waiting.
  const named = location.hash && document.getElementById(location.hash.slice(1));
  activate(cards.includes(named) ? named : (cards.find((c) => c.classList.contains("pending")) || cards[0]));

  cards.forEach((card) => card.addEventListener("focusin", () => { if (active !== card) activate(card, false); }));
  cards.forEach((card) => card.addEventListener("click", () => { if (active !== card) activate(card, false); }));

  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const field = event.target.closest("input, select, textarea");
    if (field) {
      if (event.key === "Escape") {
        field.blur();
        if (active) active.focus({preventScroll: true});
      }
      return;  // typing: Enter submits the card's form with its first button, "Save correction"
    }
    if (event.target.closest("button, a") && event.key === "Enter") return;
    const actions = {
      j: () => step(1),
      k: () => step(-1),
      v: () => press("verify"),
      x: () => press("reject"),
      e: () => {
        // A text field first: Enter in it saves the correction (in a select it would not).
        const first = active && (active.querySelector(".fields input") || active.querySelector(".fields select"));
        if (first) first.focus();
      },
      n: () => {
        const next = document.getElementById("next-statement");
        if (next) next.click();
      },
    };
    const action = actions[event.key];
    if (action) {
      event.preventDefault();
      action();
    }
  });

  // --- Spans from a selection -------------------------------------------------------------------

  // Offsets in the body as the server counts them (code points): the marked-up text holds nothing but
  // the body, so the text nodes before a point add up to its offset in UTF-16 units, converted here.
  function offsetOf(node, offset) {
    let units = 0;
    const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
    for (let current = walker.nextNode(); current; current = walker.nextNode()) {
      if (current === node) return units + offset;
      units += current.data.length;
    }
    // The point is an element boundary: count the text before that child.
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(node, offset);
    return range.toString().length;
  }

  function codePoints(body, units) {
    return Array.from(body.slice(0, units)).length;
  }

  const SENTENCE_END = /[.!?…]/;

  // A click: the sentence around it, up to its full stop (or the paragraph's end).
  function sentenceAround(body, at) {
    let start = at;
    while (start > 0 && body[start - 1] !== "\n" && !(SENTENCE_END.test(body[start - 1]) && /\s/.test(body[start] || ""))) {
      start -= 1;
    }
    let end = at;
    while (end < body.length && body[end] !== "\n" && !(SENTENCE_END.test(body[end]) && /\s|$/.test(body[end + 1] || ""))) {
      end += 1;
    }
    if (end < body.length && SENTENCE_END.test(body[end])) end += 1;
    return [start, end];
  }

  function trimmed(body, start, end) {
    while (start < end && /\s/.test(body[start])) start += 1;
    while (end > start && /\s/.test(body[end - 1])) end -= 1;
    return [start, end];
  }

  function fill(card, body, start, end) {
    const startField = card.querySelector("input[name$='-start']");
    const endField = card.querySelector("input[name$='-end']");
    if (!startField || !endField) return;
    startField.value = codePoints(body, start);
    endField.value = codePoints(body, end);
    const preview = card.querySelector(".span-preview");
    if (preview) preview.textContent = `${startField.value}–${endField.value}: ${body.slice(start, end)}`;
    [startField, endField].forEach((f) => f.dispatchEvent(new Event("change", {bubbles: true})));
  }

  text.addEventListener("mouseup", (event) => {
    const selection = window.getSelection();
    if (!selection.rangeCount || !active) return;
    const range = selection.getRangeAt(0);
    if (!text.contains(range.startContainer) || !text.contains(range.endContainer)) return;
    const body = text.textContent;
    let start = offsetOf(range.startContainer, range.startOffset);
    let end = offsetOf(range.endContainer, range.endOffset);
    if (start === end) {
      // A click on a marked span picks its item; elsewhere it picks the sentence for the active item.
      const mark = event.target.closest("mark[data-items]");
      if (mark) {
        activate(document.getElementById(`item-${mark.dataset.items.split(" ")[0]}`));
        return;
      }
      [start, end] = sentenceAround(body, start);
    }
    [start, end] = trimmed(body, start, end);
    if (end > start) fill(active, body, start, end);
  });

  // Typed offsets show their text too.
  cards.forEach((card) => {
    card.addEventListener("input", (event) => {
      if (!event.target.matches("input[name$='-start'], input[name$='-end']")) return;
      const body = Array.from(text.textContent);
      const start = Number(card.querySelector("input[name$='-start']").value);
      const end = Number(card.querySelector("input[name$='-end']").value);
      const preview = card.querySelector(".span-preview");
      if (preview && end > start) preview.textContent = `${start}–${end}: ${body.slice(start, end).join("")}`;
    });
  });
})();
