// Case review: one screen that answers what stopped, where, when, on what evidence, under which limits
// and policy, what happened after, and what to do (the operations guide's runbook for the cause).
import { h, replace, facts, inlineMarkdown } from "./dom.js";
import * as format from "./format.js";
import { getJson, getJsonOrNull } from "./api.js";
import { curve } from "./charts.js";
import { resetNode } from "./commands.js";
import { statusText } from "./cases.js";
import * as state from "./state.js";

export async function renderCase(main, caseId) {
  replace(main, h("h1", { tabindex: "-1" }, "Case ", caseId), h("p", {}, "Loading…"));
  const detail = await getJson("/api/v1/cases/" + caseId);
  const s = detail.summary;
  const d = detail.decision;
  const p = detail.provenance;
  const [runbooks, policy] = await Promise.all([
    getJson("/api/v1/runbooks").catch(() => []),
    p.policyId ? getJsonOrNull("/api/v1/policies/" + p.policyId) : Promise.resolve(null),
  ]);
  const runbook = runbooks.find(r => r.cause === s.cause);
  // Only the stored version the case names (same hash) says which limits applied; anything else would mislead.
  const limits = policy && policy.policyHash === p.policyHash ? policy.policy : null;
  const policyNote = !p.policyId ? "the node reported no policy" : !policy ? `policy ${p.policyId} is not stored at this bridge (the node's own)` : !limits ? `policy ${p.policyId} stored here has hash ${policy.policyHash}, not the case's ${p.policyHash}` : "";

  const headline = h("p", { class: "headline state-" + (s.status === "open" ? "tripped" : "armed") },
    h("span", { class: "case-status" }, statusText(s.status)), " · ",
    h("strong", {}, s.nodeId), ` (cell ${s.cellId}) stopped on `, h("strong", { class: "case-cause" }, s.cause),
    " → ", h("strong", {}, s.response), " at ", format.utc(s.tripWallUnixUs), " UTC");

  const evidence = facts([
    ["Rule", `${d.rule} (channel ${d.channel}, reason code ${d.reasonCode})`],
    ["Observed", h("span", { id: "observed-value" }, format.ruleValue(d.rule, d.observedValue))],
    ["Limit", h("span", { id: "limit-value" }, format.ruleValue(d.rule, d.limitValue))],
    ["Held", `${d.consecutiveSamples} sample(s) in a row`],
    ["Inputs", `force ${format.newtons(d.forceMilliNewtons)}, confidence ${format.confidence(d.visionConfidence)} (age ${d.visionAgeMs} ms), flags 0x${d.sampleFlags.toString(16).padStart(2, "0")}`],
    ["Safe state", `stop output off ${format.duration(d.latencyUs)} after detection`],
  ]);

  const provenance = facts([
    ["Policy", format.policy(p.policyId, p.policyHash)],
    ["Force limit", limits ? format.newtons(limits.forceLimitMilliNewtons) + ` held for ${limits.forceOverLimitMs} ms` : "unknown: " + policyNote],
    ["Warning band", h("span", { id: "warning-band" }, limits ? `${format.newtons(limits.forceWarnMilliNewtons)} – ${format.newtons(limits.forceLimitMilliNewtons)}` : "unknown: " + policyNote)],
    ["Vision", limits ? `at least ${format.confidence(limits.visionMinConfidence)}, at most ${limits.visionMaxAgeMs} ms old` : "-"],
    ["Policy by", policy ? `${policy.createdBy}, ${format.utc(policy.createdUnixUs)} UTC` : "-"],
    ["Calibration", `force ${p.forceCalibration}, vision ${p.visionCalibration}`],
    ["Clock", `${p.wallSource}, ${format.timeQuality(p.timeQuality, p.timeUncertaintyUs)}`],
    ["Trip event", `${s.tripEventId} (boot ${s.bootId})${s.historical ? ", historical (replayed)" : ""}`],
  ]);

  const interlocks = h("ul", { class: "interlocks" }, format.interlockStates(d.interlockBits).map(c =>
    h("li", { class: c.closed ? "closed" : "open" }, h("span", { "aria-hidden": "true" }, c.closed ? "▣ " : "□ "), `${c.name}: ${c.closed ? "closed" : "OPEN"}`)));
  const opened = openedInWindow(detail.window.samples);

  const after = facts([
    ["Reset", detail.reset ? `by ${detail.reset.by || "-"} (${detail.reset.source}), ${format.duration(s.timeToResetUs)} after the trip` : "not yet"],
    ["Recovered", detail.recovery ? `first good frame ${detail.recovery.frameSequence}, ${format.duration(s.timeToRecoverQualityUs)} after the trip` : "not yet"],
  ]);

  const nearMisses = detail.nearMisses.length === 0
    ? h("p", {}, "None linked.")
    : h("ul", {}, detail.nearMisses.map(e => h("li", {}, `event ${e.eventId}: peak ${format.newtons(e.record.observedValue)} at ${format.utc(e.wallUnixUs)} UTC`)));

  const actions = h("div", { class: "actions" },
    h("a", { class: "button", href: "#/node/" + s.nodeId }, "Node " + s.nodeId),
    h("a", { class: "button", href: "#/cases?node=" + s.nodeId }, "Other cases of " + s.nodeId),
    s.status === "open" ? h("button", { type: "button", class: "reset", id: "case-reset", onclick: async () => { await resetNode(s.nodeId); } }, "Reset " + s.nodeId) : null);

  const charts = h("div", { class: "charts" });
  replace(main,
    h("h1", { tabindex: "-1" }, `Case ${s.caseId}: ${s.nodeId}`),
    headline,
    actions,
    h("div", { class: "review" },
      panel("Evidence (decision record)", evidence),
      panel("Limits, policy and provenance", provenance),
      panel("Interlock channels at the trip", interlocks, opened.length ? h("p", {}, "Opened in the window: " + opened.join(", ")) : h("p", {}, "None opened in the window.")),
      panel("Reset and recovery", after),
      panel(`Near-misses (${s.nearMissCount})`, nearMisses),
      panel("What to do: " + s.cause, runbook
        ? [h("p", {}, h("strong", {}, "What the node saw: "), inlineMarkdown(runbook.seen)), h("p", { class: "runbook" }, h("strong", {}, "What to do: "), inlineMarkdown(runbook.action))]
        : h("p", {}, "No runbook for this cause in the operations guide."))),
    charts);

  const w = detail.window;
  const xs = w.samples.map(x => (x.monoUs - w.detectMonoUs) / 1e6);
  const forceLimit = d.rule === "force-over-limit" ? d.limitValue : limits?.forceLimitMilliNewtons;
  curve(charts, {
    title: `Force around the trip (${w.samples.length} samples${w.complete ? "" : ", window still filling"})`,
    xs, ys: w.samples.map(x => x.forceMilliNewtons / 1000), label: "force, N",
    limit: forceLimit != null ? forceLimit / 1000 : null, limitLabel: forceLimit != null ? "limit " + format.newtons(forceLimit) : "",
    bandFrom: limits ? limits.forceWarnMilliNewtons / 1000 : null, bandTo: limits ? limits.forceLimitMilliNewtons / 1000 : null,
    bandLabel: limits ? `warning band ${format.newtons(limits.forceWarnMilliNewtons)} – ${format.newtons(limits.forceLimitMilliNewtons)}` : "",
  });
  const visionLimit = d.rule === "vision-low-confidence" ? d.limitValue : limits?.visionMinConfidence;
  curve(charts, {
    title: "Vision confidence around the trip",
    xs, ys: w.samples.map(x => x.visionConfidence / 100), label: "confidence, %",
    limit: visionLimit != null ? visionLimit / 100 : null, limitLabel: visionLimit != null ? "threshold " + format.confidence(visionLimit) : "",
    yRange: [0, 100],
  });

  // The case moves on (reset, recovered) while it is on screen.
  let inner = null;
  const unsubscribe = state.subscribe((kind, data) => {
    if (kind === "case" && data.caseId === s.caseId && (data.status !== s.status || data.windowComplete !== s.windowComplete)) {
      unsubscribe();
      renderCase(main, caseId).then(next => { inner = next; });
    }
  });
  return () => { unsubscribe(); inner?.(); };
}

function panel(title, ...content) {
  return h("section", { class: "panel" }, h("h2", {}, title), content);
}

function openedInWindow(samples) {
  let mask = 0;
  for (const x of samples) mask |= ~x.interlockBits & 0x3f;
  return format.INTERLOCK_CHANNELS.filter((_, i) => (mask >> i) & 1);
}
