// The article editor (/admin/articles/.../edit): a live preview of each section, rendered by the
// server exactly as the site renders Markdown, and a warning before leaving with unsaved changes.
// Without JavaScript the form's Preview button does the same.
(() => {
  const form = document.getElementById("article-form");
  if (!form) return;
  const url = form.dataset.previewUrl;
  const token = () => form.querySelector('input[name="_csrf"]')?.value ?? "";
  let dirty = false;

  for (const preview of form.querySelectorAll("[data-preview-for]")) {
    const area = document.getElementById(preview.dataset.previewFor);
    if (!area) continue;
    let timer = 0;
    let seq = 0;
    const update = () => {
      const mine = ++seq;
      fetch(url, {
        method: "POST",
        credentials: "same-origin",
        headers: { "content-type": "application/json", "x-csrf-token": token() },
        body: JSON.stringify({ markdown: area.value }),
      })
        .then((r) => (r.ok ? r.json() : Promise.reject(new Error(String(r.status)))))
        .then((data) => {
          if (mine === seq) preview.innerHTML = data.html;
        })
        .catch(() => {
          if (mine === seq) preview.textContent = "Live preview unavailable: use the Preview button.";
        });
    };
    area.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(update, 400);
    });
    if (area.value.trim() !== "" && preview.childElementCount === 0) update();
  }

  form.addEventListener("input", () => {
    dirty = true;
  });
  form.addEventListener("submit", () => {
    dirty = false;
  });
  window.addEventListener("beforeunload", (event) => {
    if (dirty) event.preventDefault();
  });
})();
