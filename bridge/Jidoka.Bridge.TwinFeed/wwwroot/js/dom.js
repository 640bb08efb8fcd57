// Builds DOM nodes from data without ever parsing data as HTML: every value from the network is hostile.

/** h("div", {class: "x", onclick: f}, child, "text", [more]) -> element. */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith("on") && typeof value === "function") el.addEventListener(key.slice(2), value);
    else if (key === "dataset") Object.assign(el.dataset, value);
    else if (value === true) el.setAttribute(key, "");
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the content of el. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
}

/** A definition list from [term, value] pairs (values may be nodes). */
export function facts(pairs, cls) {
  return h("dl", { class: "facts " + (cls || "") }, pairs.filter(p => p).map(([term, value]) => [h("dt", {}, term), h("dd", {}, value)]));
}

/** Renders the guide's inline Markdown (`code` and **bold** only) as text nodes and elements. */
export function inlineMarkdown(text) {
  const parts = [];
  const pattern = /(`[^`]+`|\*\*[^*]+\*\*)/g;
  let last = 0;
  for (const match of String(text).matchAll(pattern)) {
    if (match.index > last) parts.push(text.slice(last, match.index));
    const token = match[0];
    parts.push(token.startsWith("`") ? h("code", {}, token.slice(1, -1)) : h("strong", {}, token.slice(2, -2)));
    last = match.index + token.length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}
