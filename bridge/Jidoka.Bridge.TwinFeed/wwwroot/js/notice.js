// One notice line under the header for command outcomes and refusals, in the bridge's own words.
const notice = document.getElementById("notice");

export function showNotice(text, kind = "info") {
  notice.hidden = false;
  notice.dataset.kind = kind;
  notice.replaceChildren();
  const icon = document.createElement("span");
  icon.setAttribute("aria-hidden", "true");
  icon.textContent = kind === "error" ? "✖ " : "✔ ";
  const label = document.createElement("strong");
  label.textContent = kind === "error" ? "Refused: " : "Done: ";
  notice.append(icon, label, text);
}

export function clearNotice() {
  notice.hidden = true;
  notice.replaceChildren();
}
