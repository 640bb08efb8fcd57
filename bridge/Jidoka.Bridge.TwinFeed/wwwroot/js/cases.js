// The case list, with every filter the API takes (node, cause, status, from, to, limit).
import { h, replace } from "./dom.js";
import * as format from "./format.js";
import { getJson } from "./api.js";

const FILTERS = ["node", "cause", "status", "from", "to", "limit"];

export async function renderCases(main, params) {
  const query = new URLSearchParams();
  for (const key of FILTERS) if (params.get(key)) query.set(key, params.get(key));
  const field = (name, label, control) => h("label", {}, label, " ", control);
  const select = (name, options) => h("select", { name, id: "filter-" + name },
    h("option", { value: "" }, "any"),
    options.map(o => h("option", { value: o, selected: params.get(name) === o }, o)));
  const form = h("form", { class: "filters", "aria-label": "Case filters" },
    field("node", "Node", h("input", { name: "node", id: "filter-node", size: 12, value: params.get("node") || "" })),
    field("cause", "Cause", select("cause", format.TRIP_CAUSES)),
    field("status", "Status", select("status", ["open", "reset", "recovered"])),
    field("from", "From", h("input", { name: "from", id: "filter-from", size: 22, placeholder: "2025-06-15T08:00:00Z", value: params.get("from") || "" })),
    field("to", "To", h("input", { name: "to", id: "filter-to", size: 22, value: params.get("to") || "" })),
    field("limit", "Limit", h("input", { name: "limit", id: "filter-limit", size: 5, inputmode: "numeric", value: params.get("limit") || "100" })),
    h("button", { type: "submit" }, "Filter"));
  form.addEventListener("submit", e => {
    e.preventDefault();
    const next = new URLSearchParams();
    for (const [key, value] of new FormData(form)) if (String(value).trim()) next.set(key, String(value).trim());
    location.hash = "#/cases" + (next.toString() ? "?" + next : "");
  });
  const result = h("div", { id: "case-results" }, "Loading…");
  replace(main, h("h1", { tabindex: "-1" }, "Cases"), form, result);
  let cases;
  try {
    cases = await getJson("/api/v1/cases" + (query.toString() ? "?" + query : ""));
  } catch (e) {
    // A bad filter is answered by the bridge with the parameter it did not accept.
    replace(result, h("p", { class: "problem", role: "alert" }, e.message));
    return;
  }
  if (cases.length === 0) {
    replace(result, h("p", {}, "No cases match."));
    return;
  }
  replace(result, h("table", { class: "cases" },
    h("caption", {}, `${cases.length} case(s), newest first`),
    h("thead", {}, h("tr", {}, ["Case", "Node", "Cell", "Status", "Cause", "Response", "Tripped at (UTC)", "Safe in", "Reset by", "Near-misses"].map(t => h("th", { scope: "col" }, t)))),
    h("tbody", {}, cases.map(c => h("tr", { class: "status-" + c.status },
      h("td", {}, h("a", { href: "#/case/" + c.caseId }, "Case " + c.caseId)),
      h("td", {}, h("a", { href: "#/node/" + c.nodeId }, c.nodeId)),
      h("td", {}, c.cellId),
      h("td", {}, statusText(c.status)),
      h("td", {}, c.cause),
      h("td", {}, c.response),
      h("td", {}, format.utc(c.tripWallUnixUs)),
      h("td", {}, format.duration(c.timeToSafeStateUs)),
      h("td", {}, c.resetBy || "-"),
      h("td", {}, String(c.nearMissCount)))))));
}

export function statusText(status) {
  return { open: "✖ open", reset: "↺ reset", recovered: "✔ recovered" }[status] || status;
}
