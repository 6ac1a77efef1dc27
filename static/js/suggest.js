// Type-ahead for the search box: as the reader types, the countries, organisations, people and topics
// the words name or begin to name (/api/suggest/), as links to their pages with their statement counts.
// Without scripts the search page lists the same after a search; this only brings it sooner.
(() => {
  const input = document.getElementById("id_q");
  if (!input || !window.fetch) return;
  const WAIT_MS = 200;
  const MIN_CHARS = 2;
  const MAX_CHARS = 100;

  const box = document.createElement("div");
  box.className = "typeahead";
  box.id = "typeahead";
  box.hidden = true;
  const list = document.createElement("ul");
  list.setAttribute("aria-label", input.dataset.suggestLabel || "");
  box.append(list);
  // Read out how many were found, not every change of the list.
  const status = document.createElement("p");
  status.className = "visually-hidden";
  status.setAttribute("role", "status");
  input.closest(".search-main").after(box, status);
  input.setAttribute("aria-controls", box.id);

  let timer = null;
  let controller = null;
  let shown = "";

  const close = () => {
    box.hidden = true;
    list.replaceChildren();
    shown = "";
  };

  const render = (results) => {
    list.replaceChildren(...results.map((item) => {
      const link = document.createElement("a");
      link.href = item.url;
      link.textContent = item.label;
      const meta = document.createElement("span");
      meta.className = "meta";
      meta.textContent = ` ${item.description}`;
      const row = document.createElement("li");
      row.append(link, meta);
      return row;
    }));
    box.hidden = results.length === 0;
    status.textContent = results.length ? `${input.dataset.suggestFound || ""} ${results.length}`.trim() : "";
  };

  const ask = async (query) => {
    if (controller) controller.abort();
    controller = new AbortController();
    try {
      const response = await fetch(`/api/suggest/?q=${encodeURIComponent(query)}`,
                                   {signal: controller.signal, headers: {Accept: "application/json"}});
      if (!response.ok) return close();
      const data = await response.json();
      if (input.value.trim() !== query) return;  // the reader typed on
      shown = query;
      render(data.results || []);
    } catch (error) {
      if (error.name !== "AbortError") close();
    }
  };

  input.addEventListener("input", () => {
    clearTimeout(timer);
    const query = input.value.trim();
    if (query.length < MIN_CHARS || query.length > MAX_CHARS) return close();
    if (query === shown) return;
    timer = setTimeout(() => ask(query), WAIT_MS);
  });

  const links = () => [...list.querySelectorAll("a")];
  input.addEventListener("keydown", (event) => {
    if (event.key === "ArrowDown" && !box.hidden) {
      event.preventDefault();
      links()[0]?.focus();
    } else if (event.key === "Escape") {
      close();
    }
  });
  list.addEventListener("keydown", (event) => {
    const all = links();
    const at = all.indexOf(document.activeElement);
    if (event.key === "ArrowDown" && at < all.length - 1) {
      event.preventDefault();
      all[at + 1].focus();
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      (at > 0 ? all[at - 1] : input).focus();
    } else if (event.key === "Escape") {
      input.focus();
      close();
    }
  });
  // Leaving the box and its list closes the list.
  document.addEventListener("focusin", (event) => {
    if (event.target !== input && !box.contains(event.target)) close();
  });
})();
