// Live suggestions for every input[data-suggest]: the ARIA 1.2 combobox pattern (a listbox popup,
// the active option named by aria-activedescendant). Without this script the form still submits
// to /search.
(() => {
  const DEBOUNCE_MS = 120;
  let counter = 0;

  function setup(input) {
    const id = `suggest-${++counter}`;
    const list = document.createElement("ul");
    list.id = id;
    list.className = "suggest-list";
    list.setAttribute("role", "listbox");
    list.setAttribute("aria-label", "Suggestions");
    list.hidden = true;
    input.parentElement.classList.add("suggest-host");
    input.after(list);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", id);

    let items = [];
    let active = -1;
    let timer = 0;
    let pending = null;
    const cache = new Map();

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }

    function highlight(index) {
      active = index;
      list.querySelectorAll('[role="option"]').forEach((li, i) => {
        li.setAttribute("aria-selected", String(i === index));
        if (i === index) li.scrollIntoView({ block: "nearest" });
      });
      if (index < 0) input.removeAttribute("aria-activedescendant");
      else input.setAttribute("aria-activedescendant", `${id}-${index}`);
    }

    function open(item) {
      window.location.assign(`/ingredients/${encodeURIComponent(item.slug)}`);
    }

    // textContent only: names never become markup.
    function render(found) {
      items = found;
      list.replaceChildren(
        ...found.map((item, i) => {
          const li = document.createElement("li");
          li.id = `${id}-${i}`;
          li.setAttribute("role", "option");
          li.setAttribute("aria-selected", "false");
          const name = document.createElement("span");
          name.className = "suggest-name";
          name.textContent = item.name;
          li.append(name);
          const extra =
            item.matchedName.toUpperCase() === item.name.toUpperCase() ? item.inci : item.matchedName;
          if (extra.toUpperCase() !== item.name.toUpperCase()) {
            const small = document.createElement("span");
            small.className = "suggest-extra";
            small.textContent = extra;
            li.append(small);
          }
          // mousedown, not click: the input would lose focus (and close the list) first.
          li.addEventListener("mousedown", (event) => {
            event.preventDefault();
            open(item);
          });
          return li;
        }),
      );
      active = -1;
      input.removeAttribute("aria-activedescendant");
      list.hidden = found.length === 0;
      input.setAttribute("aria-expanded", String(found.length > 0));
    }

    async function fetchSuggestions(q) {
      if (cache.has(q)) return render(cache.get(q));
      if (pending) pending.abort();
      pending = new AbortController();
      try {
        const response = await fetch(`/api/v1/suggest?q=${encodeURIComponent(q)}`, {
          signal: pending.signal,
        });
        if (!response.ok) return close();
        const body = await response.json();
        cache.set(q, body.items);
        // A slow answer for an older query must not replace the current one.
        if (input.value.trim() === q) render(body.items);
      } catch {
        // Aborted or offline: the form still works.
      }
    }

    input.addEventListener("input", () => {
      clearTimeout(timer);
      const q = input.value.trim().slice(0, 200);
      if (q === "") return close();
      timer = setTimeout(() => fetchSuggestions(q), DEBOUNCE_MS);
    });

    input.addEventListener("keydown", (event) => {
      const isOpen = !list.hidden && items.length > 0;
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (!isOpen) return;
        event.preventDefault();
        // -1 is the input itself: the arrows cycle through it and every option.
        const next = active + (event.key === "ArrowDown" ? 1 : -1);
        highlight(next >= items.length ? -1 : next < -1 ? items.length - 1 : next);
      } else if (event.key === "Enter" && isOpen && active >= 0) {
        event.preventDefault();
        open(items[active]);
      } else if (event.key === "Escape" && isOpen) {
        event.preventDefault();
        close();
      }
    });

    input.addEventListener("blur", close);
  }

  document.querySelectorAll("input[data-suggest]").forEach(setup);
})();
