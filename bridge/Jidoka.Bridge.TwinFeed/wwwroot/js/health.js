// Health and metrics: readiness, the bridge's governance figures per cell and node, and the audit check.
import { h, replace, facts } from "./dom.js";
import * as format from "./format.js";
import { getJson } from "./api.js";

async function readiness() {
  const response = await fetch("/readyz", { cache: "no-store" });
  return response.json();
}

function stat(s) {
  return s && s.count ? `${format.duration(s.meanUs)} mean, ${format.duration(s.p95Us)} p95 (${s.count})` : "-";
}

export async function renderHealth(main) {
  replace(main, h("h1", { tabindex: "-1" }, "Health and metrics"), h("p", {}, "Loading…"));
  const [ready, report] = await Promise.all([readiness(), getJson("/api/v1/metrics")]);
  const audit = h("div", { id: "audit-result" });
  const verify = h("button", { type: "button", id: "audit-verify", onclick: async () => {
    audit.textContent = "Checking the whole audit log…";
    try {
      const v = await getJson("/api/v1/audit/verify");
      replace(audit, h("p", { class: v.intact ? "ok" : "problem" }, v.intact ? "✔ intact" : "✖ NOT intact", `: ${v.recordsChecked} records, head ${v.headSeq} (${v.headHash})`),
        v.findings.length ? h("ul", {}, v.findings.map(f => h("li", {}, `${f.seq} ${f.kind}: ${f.message}`))) : null);
    } catch (e) { audit.textContent = e.message; }
  } }, "Verify the audit log");
  const figures = (rows, key) => h("table", { class: "metrics" },
    h("thead", {}, h("tr", {}, [key, "Trips", "Time to safe state", "Time to reset", "Time to recover", "Near-misses", "Audit complete", "Frames lost", "Events replayed"].map(t => h("th", { scope: "col" }, t)))),
    h("tbody", {}, rows.map(f => h("tr", {},
      h("td", {}, key === "Node" ? h("a", { href: "#/node/" + f.nodeId }, f.nodeId) : f.cellId),
      h("td", {}, String(f.trips.total)),
      h("td", {}, stat(f.timeToSafeState)),
      h("td", {}, stat(f.timeToReset)),
      h("td", {}, stat(f.timeToRecoverQuality)),
      h("td", {}, String(f.nearMisses)),
      h("td", {}, f.auditCompleteness == null ? "-" : (f.auditCompleteness * 100).toFixed(0) + " %"),
      h("td", {}, String(f.framesLostTotal)),
      h("td", {}, String(f.eventsReplayedTotal))))));
  replace(main,
    h("h1", { tabindex: "-1" }, "Health and metrics"),
    h("section", { class: "panel" }, h("h2", {}, "Bridge"), facts([
      ["Ready", h("span", { id: "ready-state", class: ready.ready ? "ok" : "problem" }, ready.ready ? "✔ ready" : "✖ NOT ready: " + ready.detail)],
      ["Store", ready.store],
      ["Broker", ready.broker],
      ["Endpoints", [h("a", { href: "/api/v1" }, "API index"), " · ", h("a", { href: "/openapi/v1.json" }, "OpenAPI"), " · ", h("a", { href: "/metrics" }, "Prometheus /metrics"), " · ", h("a", { href: "/healthz" }, "/healthz"), " · ", h("a", { href: "/readyz" }, "/readyz")]],
    ])),
    h("h2", {}, "Cells"), figures(report.cells, "Cell"),
    h("h2", {}, "Nodes"), figures(report.nodes, "Node"),
    h("section", { class: "panel" }, h("h2", {}, "Audit log"), verify, audit));
}
