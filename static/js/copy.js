// A "Copy" button beside a block of text (the BibTeX entry): shown only where scripts run; without
// them the text stays selectable.
document.querySelectorAll("button.copy[data-copy]").forEach((button) => {
  const source = document.getElementById(button.dataset.copy);
  const status = button.parentElement.querySelector(".copied");
  if (!source) return;
  button.hidden = false;
  button.addEventListener("click", async () => {
    try {
      await navigator.clipboard.writeText(source.textContent);
      if (status) status.textContent = button.dataset.done || "✓";
    } catch (error) {
      // No clipboard (a page not served over HTTPS): select the text for the reader to copy.
      const range = document.createRange();
      range.selectNodeContents(source);
      const selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
    }
  });
});
