// Reader forms (feedback, newsletter): the CSRF token and the ALTCHA spam check, fetched only when a
// reader first focuses or sends a protected form, because the page itself is cached and shared.
(() => {
  const forms = document.querySelectorAll("form[data-protected]");
  const ALGORITHMS = ["PBKDF2/SHA-256"];
  let setup = null;

  function load(tag, attrs) {
    return new Promise((resolve, reject) => {
      const el = document.createElement(tag);
      Object.assign(el, attrs);
      el.onload = resolve;
      el.onerror = () => reject(new Error(`could not load ${attrs.src || attrs.href}`));
      document.head.appendChild(el);
    });
  }

  // One token and one copy of the widget for every form of the page.
  function prepare() {
    if (!setup) {
      setup = fetch("/api/v1/forms/token", { credentials: "same-origin", cache: "no-store" })
        .then((r) => {
          if (!r.ok) throw new Error(`token: ${r.status}`);
          return r.json();
        })
        .then(async (data) => {
          for (const f of forms) {
            const field = f.querySelector('input[name="_csrf"]');
            if (field) field.value = data.csrfToken;
          }
          await Promise.all([
            load("link", { rel: "stylesheet", href: data.widget.css }),
            load("script", { type: "module", src: data.widget.script }),
          ]);
          for (const name of ALGORITHMS) {
            globalThis.$altcha.algorithms.set(name, () => new Worker(data.widget.worker));
          }
          return data;
        })
        .catch((error) => {
          setup = null;
          throw error;
        });
    }
    return setup;
  }

  function activate(form) {
    if (!form.ready) {
      form.ready = prepare()
        .then((data) => {
          const widget = document.createElement("altcha-widget");
          widget.setAttribute("challenge", data.widget.challenge);
          widget.setAttribute("auto", "onload");
          widget.setAttribute("name", "altcha");
          form.querySelector("[data-altcha-slot]").replaceChildren(widget);
          return widget;
        })
        .catch((error) => {
          form.ready = null;
          const slot = form.querySelector("[data-altcha-slot]");
          const note = document.createElement("p");
          note.className = "form-error";
          note.setAttribute("role", "alert");
          note.textContent = "The spam check could not start. Check your connection and try again.";
          slot.replaceChildren(note);
          throw error;
        });
    }
    return form.ready;
  }

  function verified(widget) {
    const done = () => {
      const field = widget.querySelector('input[name="altcha"]');
      return field?.value;
    };
    if (done()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      widget.addEventListener("verified", () => resolve(), { once: true });
      widget.addEventListener("statechange", (ev) => {
        if (ev.detail?.state === "error") reject(new Error("spam check failed"));
      });
    });
  }

  for (const form of forms) {
    form.dataset.enhanced = "";
    form.addEventListener("focusin", () => activate(form).catch(() => {}));
    // Hold a submission until the check is done. This listens to clicks on the submit buttons, not
    // to "submit": the widget's checkbox is required, so while it is unchecked the browser's
    // validation stops the submission before any "submit" event. Enter in a field clicks the
    // default button, so it comes through here too.
    form.addEventListener("click", (ev) => {
      const button = ev.target.closest('button[type="submit"], button:not([type])');
      if (!button || !form.contains(button)) return;
      const token = form.querySelector('input[name="_csrf"]');
      const solved = form.querySelector('input[name="altcha"]');
      if (token?.value && solved?.value) return;
      ev.preventDefault();
      activate(form)
        .then(verified)
        .then(() => form.requestSubmit(button))
        .catch(() => {});
    });
  }

  // A live character count under each textarea that names one (data-count).
  for (const area of document.querySelectorAll("textarea[data-count]")) {
    const out = document.getElementById(area.dataset.count);
    if (!out) continue;
    const max = area.maxLength;
    const update = () => {
      out.textContent = `${area.value.length.toLocaleString("en")} / ${max.toLocaleString("en")} characters`;
    };
    out.hidden = false;
    update();
    area.addEventListener("input", update);
  }
})();
