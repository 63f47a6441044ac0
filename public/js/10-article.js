// Article share links: "Copy link" and the system share sheet, shown only where they work.
(() => {
  const say = (button, text) => {
    const status = button.parentElement?.querySelector(".share-status");
    if (status) status.textContent = text;
  };
  for (const button of document.querySelectorAll("[data-copy-url]")) {
    if (!navigator.clipboard) continue;
    button.hidden = false;
    button.addEventListener("click", () => {
      navigator.clipboard.writeText(button.dataset.copyUrl).then(
        () => say(button, "Link copied."),
        () => say(button, "Could not copy the link."),
      );
    });
  }
  for (const button of document.querySelectorAll("[data-share-url]")) {
    if (typeof navigator.share !== "function") continue;
    button.hidden = false;
    button.addEventListener("click", () => {
      navigator.share({ title: button.dataset.shareTitle, url: button.dataset.shareUrl }).catch(() => {});
    });
  }
})();
