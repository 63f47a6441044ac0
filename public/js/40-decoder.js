// The label decoder: the reader's profile (kept in this browser's localStorage, never sent to the
// server), "copy link", and instant analysis through the JSON API. The markup mirrors
// src/decoder/analysis-view.tsx and findings-view.tsx; text goes in as text nodes, never as HTML.
(() => {
  const PROFILE_KEY = "inciAtlas.profile";
  // Longer addresses are refused by common proxies (nginx's default request line is 8 KB) and by
  // Node's 16 KB header limit: such a list is decoded but not put in the address bar.
  const MAX_SHARED_URL = 8000;

  function loadProfile() {
    try {
      const list = JSON.parse(localStorage.getItem(PROFILE_KEY) || "[]");
      return Array.isArray(list) ? list.filter((p) => typeof p === "string") : [];
    } catch {
      return [];
    }
  }

  function saveProfile(list) {
    try {
      localStorage.setItem(PROFILE_KEY, JSON.stringify(list));
    } catch {
      // Storage may be off (private mode): the highlight still works for this page.
    }
  }

  /** Mark the flags that concern a chosen profile and say which in the summary. */
  function applyProfile(chosen) {
    const set = new Set(chosen);
    const titles = new Set();
    for (const el of document.querySelectorAll("[data-concerns]")) {
      const hit = el.dataset.concerns.split(" ").some((c) => set.has(c));
      el.classList.toggle("matters", hit);
      if (hit && el.classList.contains("flag")) titles.add(el.querySelector("h3, h4").textContent);
    }
    for (const box of document.querySelectorAll("[data-matters-summary]")) {
      box.hidden = set.size === 0;
      box.textContent =
        titles.size > 0
          ? `Matters to you: ${[...titles].join("; ")}.`
          : "Nothing flagged here concerns your profile.";
    }
  }

  const boxes = [...document.querySelectorAll("input[data-profile]")];
  const current = () => boxes.filter((b) => b.checked).map((b) => b.dataset.profile);
  const saved = loadProfile();
  for (const box of boxes) {
    box.checked = saved.includes(box.dataset.profile);
    box.addEventListener("change", () => {
      saveProfile(current());
      applyProfile(current());
    });
  }
  applyProfile(boxes.length > 0 ? current() : saved);

  const form = document.getElementById("decoder-form");
  if (!form) return;
  const vocabulary = JSON.parse(form.dataset.vocabulary || "{}");
  const textarea = form.elements.namedItem("text");
  const results = document.getElementById("decoder-results");
  const status = document.getElementById("decoder-status");

  const copy = form.querySelector("[data-copy-link]");
  if (copy && navigator.clipboard) {
    copy.hidden = false;
    copy.addEventListener("click", async () => {
      const note = form.querySelector(".copy-status");
      try {
        await navigator.clipboard.writeText(location.href);
        note.textContent = "Link copied.";
      } catch {
        note.textContent = "Could not copy: copy the address bar instead.";
      }
    });
  }

  /** An element with attributes and children; strings become text nodes. */
  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [name, value] of Object.entries(attrs || {})) {
      if (value !== undefined && value !== null && value !== false && value !== "")
        el.setAttribute(name, value === true ? "" : String(value));
    }
    for (const child of children.flat(2)) {
      if (child !== null && child !== undefined && child !== false) el.append(child);
    }
    return el;
  }

  const link = (entry) => h("a", { href: `/ingredients/${entry.slug}` }, entry.name);
  const concerns = (id) => vocabulary.concerns?.[id];

  function reason(entry, text) {
    if (!entry?.slug || !entry.name) return [text];
    if (text.startsWith(`${entry.name}:`)) return [link(entry), text.slice(entry.name.length)];
    return [link(entry), `: ${text}`];
  }

  function matchLabel(entry) {
    if (entry.match === "fuzzy") return `fuzzy (${Math.round(entry.confidence * 100)} % confidence)`;
    return entry.match === "unknown" ? "not matched" : entry.match;
  }

  function entryRow(entry, flags) {
    const notes = [entry.nano ? "nano" : "", entry.belowOnePercent ? "1 % or less" : ""].filter(Boolean);
    const chips = entry.flags.length
      ? h(
          "ul",
          { class: "flag-chips" },
          entry.flags.map((id) => {
            const flag = flags.get(id);
            const sev = flag ? flag.severity : "info";
            const attrs = { class: `flag-chip sev-${sev}`, "data-concerns": concerns(id) };
            return h("li", attrs, h("a", { href: `#flag-${id}` }, flag ? flag.title : id));
          }),
        )
      : "none";
    return h(
      "tr",
      { class: entry.slug ? null : "unrecognised" },
      h("td", { "data-label": "Position" }, String(entry.position)),
      h("th", { scope: "row", "data-label": "As written" }, entry.text),
      h(
        "td",
        { "data-label": "Ingredient" },
        entry.slug ? link(entry) : h("em", null, "unrecognised"),
        notes.length ? h("span", { class: "entry-notes" }, ` (${notes.join(", ")})`) : null,
      ),
      h("td", { "data-label": "Matched" }, matchLabel(entry)),
      h("td", { "data-label": "Functions" }, entry.functions.join(", ") || "none listed"),
      h("td", { "data-label": "Flags" }, chips),
    );
  }

  function entryTables(analysis, flags) {
    const several = analysis.sections.length > 1;
    return analysis.sections.flatMap((name, section) =>
      ["main", "may_contain"].flatMap((group) => {
        const entries = analysis.entries.filter((e) => e.section === section && e.group === group);
        if (entries.length === 0) return [];
        const product = several ? `${name || `Product ${section + 1}`}: ` : "";
        const head = ["#", "As written", "Ingredient", "Matched", "Functions", "Flags"];
        const table = h(
          "table",
          { class: "entries" },
          h("caption", null, product + vocabulary.groups[group]),
          h(
            "thead",
            null,
            h(
              "tr",
              null,
              head.map((c) => h("th", { scope: "col" }, c)),
            ),
          ),
          h(
            "tbody",
            null,
            entries.map((e) => entryRow(e, flags)),
          ),
        );
        return [h("div", { class: "table-scroll" }, table)];
      }),
    );
  }

  function skippedView(analysis) {
    if (analysis.skipped.length === 0) return null;
    const items = analysis.skipped.map((s) =>
      h("li", null, h("q", null, s.text), `: ${vocabulary.skip[s.why] || s.why}`),
    );
    return h("section", { class: "skipped" }, h("h2", null, "Left out of the list"), h("ul", null, items));
  }

  function reasonList(positions, texts, byPosition) {
    return h(
      "ul",
      null,
      positions.map((p, i) => h("li", null, reason(byPosition.get(p), texts[i] || ""))),
    );
  }

  function flagsView(analysis, byPosition) {
    const items = analysis.flags.map((f) =>
      h(
        "li",
        {
          class: `flag sev-${f.severity}`,
          id: `flag-${f.id}`,
          "data-rule": f.id,
          "data-concerns": concerns(f.id),
        },
        h("h3", null, f.title),
        h("p", { class: "flag-meta" }, "Rule ", h("code", null, f.id), `, ${f.severity}`),
        reasonList(f.positions, f.reasons, byPosition),
        h("p", { class: "flag-source" }, `Source: ${f.source}`),
      ),
    );
    const body = items.length
      ? h("ol", { class: "flag-list" }, items)
      : h("p", null, "No rule fired on this list.");
    return h("section", { class: "flags" }, h("h2", null, "Flags"), body);
  }

  function claimsView(analysis, byPosition) {
    if (analysis.claims.length === 0) return null;
    const items = analysis.claims.map((c) => {
      const unverified = c.unverified && c.unverified.positions.length > 0 ? c.unverified : null;
      const verdict = !c.holds
        ? "does not hold, because:"
        : unverified
          ? "holds for the ingredients we recognised"
          : "holds";
      return h(
        "li",
        { class: c.holds ? "claim holds" : "claim fails" },
        h("strong", null, `“${c.claim}”`),
        `: ${verdict}`,
        c.holds ? null : reasonList(c.positions, c.reasons, byPosition),
        unverified
          ? [
              h("p", null, "Could not be checked:"),
              reasonList(unverified.positions, unverified.reasons, byPosition),
            ]
          : null,
      );
    });
    return h(
      "section",
      { class: "claims" },
      h("h2", null, "Claim check"),
      h("ul", { class: "claim-list" }, items),
    );
  }

  function summaryLine(analysis) {
    const total = analysis.entries.length;
    const unknown = analysis.entries.filter((e) => e.slug === null).length;
    const flags = analysis.flags.length;
    return `${total} ${total === 1 ? "entry" : "entries"}: ${total - unknown} recognised, ${unknown} unrecognised; ${flags} ${flags === 1 ? "flag" : "flags"}.`;
  }

  function resultsView(analysis) {
    const flags = new Map(analysis.flags.map((f) => [f.id, f]));
    const byPosition = new Map(analysis.entries.map((e) => [e.position, e]));
    return h(
      "section",
      { "aria-labelledby": "results-h" },
      h("h2", { id: "results-h" }, "What is in this list"),
      h("p", { class: "matters-summary", "data-matters-summary": true, hidden: true }),
      h("p", { class: "analysis-summary" }, summaryLine(analysis)),
      analysis.notice ? h("p", { class: "notice" }, analysis.notice) : null,
      entryTables(analysis, flags),
      skippedView(analysis),
      flagsView(analysis, byPosition),
      claimsView(analysis, byPosition),
    );
  }

  function errorView(error) {
    return h(
      "div",
      { class: "decoder-error", role: "alert" },
      h("p", null, error.message),
      h("p", { class: "error-code" }, `Error code: ${error.code}`),
    );
  }

  let timer = 0;
  let pending = null;

  /** Decode in place; if the API cannot be reached after a press of Decode, submit the form as without JS. */
  async function decode(pressed) {
    const text = textarea.value;
    const claims = [...form.querySelectorAll('input[name="claims"]:checked')].map((b) => b.value);
    const query = new URLSearchParams();
    if (text.trim() !== "") query.set("text", text);
    for (const c of claims) query.append("claims", c);
    const search = query.toString();
    const url = search ? `/decode?${search}` : "/decode";
    const shareable = url.length <= MAX_SHARED_URL;
    history.replaceState(null, "", shareable ? url : "/decode");
    if (copy && navigator.clipboard) copy.hidden = !shareable;
    form.querySelector(".copy-status").textContent = shareable
      ? ""
      : "This list is too long to share as a link.";
    if (pending) pending.abort();
    if (text.trim() === "") {
      results.replaceChildren();
      status.textContent = "";
      return;
    }
    const controller = new AbortController();
    pending = controller;
    try {
      const response = await fetch("/api/v1/analyze", {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/json" },
        body: JSON.stringify({ text, claims }),
        signal: controller.signal,
      });
      const body = await response.json();
      if (pending !== controller) return;
      if (!response.ok) {
        results.replaceChildren(errorView(body.error));
        status.textContent = body.error.message;
        return;
      }
      results.replaceChildren(resultsView(body));
      status.textContent = `Decoded: ${summaryLine(body)}`;
      applyProfile(current());
    } catch (error) {
      if (error.name === "AbortError") return;
      if (pressed) form.submit();
      else status.textContent = "The decoder did not answer: press Decode to try again.";
    }
  }

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(() => void decode(false), 300);
  }

  form.addEventListener("input", schedule);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    clearTimeout(timer);
    void decode(true);
  });
})();
