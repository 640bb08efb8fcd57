// Node detail: everything the bridge knows about one node, its recent frames, and the policy command.
import { h, replace, facts } from "./dom.js";
import * as format from "./format.js";
import { getJson } from "./api.js";
import { curve } from "./charts.js";
import { resetNode, applyPolicy } from "./commands.js";
import { showNotice } from "./notice.js";
import { displayState } from "./board.js";

export async function renderNode(main, nodeId) {
  replace(main, h("h1", { tabindex: "-1" }, "Node ", nodeId), h("p", {}, "Loading…"));
  const [node, frames] = await Promise.all([
    getJson("/api/v1/nodes/" + nodeId),
    getJson(`/api/v1/nodes/${nodeId}/frames?limit=200`),
  ]);
  const shown = displayState(node);
  const last = node.lastValues;
  const c = node.counts;
  const policyText = h("textarea", { id: "policy-json", rows: 12, cols: 60, "aria-label": "Policy JSON (the policy file format)", spellcheck: "false" });
  const changeover = h("input", { type: "checkbox", id: "policy-changeover" });
  const policyForm = h("form", { class: "policy-form", "aria-label": "Apply a policy" },
    h("h2", {}, "Apply a policy"),
    h("p", {}, "Paste a policy file (the format in the operations guide); the bridge checks it, stores it and sends it."),
    policyText,
    h("label", {}, changeover, " changeover (apply even while tripped)"),
    h("button", { type: "submit", id: "policy-apply" }, "Apply policy to " + nodeId));
  policyForm.addEventListener("submit", async e => {
    e.preventDefault();
    let policy;
    try { policy = JSON.parse(policyText.value); } catch (err) { showNotice("The policy is not JSON: " + err.message, "error"); return; }
    await applyPolicy(nodeId, policy, changeover.checked);
  });

  const samples = frames.flatMap(f => f.samples);
  const recent = frames.slice(-20).reverse();
  const charts = h("div", { class: "charts" });
  replace(main,
    h("h1", { tabindex: "-1" }, `Node ${node.nodeId}`),
    h("p", { class: "headline state-" + shown }, shown.toUpperCase(), node.tripState === "tripped" ? ` · ${node.tripCause} → ${node.response}` : "", ` · cell ${node.cellId}`),
    h("div", { class: "actions" },
      h("a", { class: "button", href: "#/cases?node=" + node.nodeId }, "Cases of " + node.nodeId),
      node.tripState === "tripped" && node.online ? h("button", { type: "button", class: "reset", onclick: () => resetNode(node.nodeId) }, "Reset " + node.nodeId) : null),
    h("div", { class: "review" },
      h("section", { class: "panel" }, h("h2", {}, "State"), facts([
        ["Online", node.online ? "yes" : "NO"],
        ["Trip", `${node.tripState} ${node.tripCause !== "none" ? "(" + node.tripCause + " → " + node.response + ", event " + node.tripEventId + ")" : ""}`],
        ["Policy", format.policy(node.policyId, node.policyHash) + (node.stagedPolicyId ? `, staged ${node.stagedPolicyId}` : "")],
        ["Calibration", `force ${node.forceCalibration}, vision ${node.visionCalibration}`],
        ["Time", format.timeQuality(node.timeQuality, node.timeUncertaintyUs) + (node.clockSkewSuspect ? `, clock skew suspected (${format.duration(node.lastClockSkewUs)})` : "")],
        ["Firmware / board", `${node.firmware || "-"} / ${node.board || "-"}, boot ${node.bootId}`],
        ["First / last seen", `${format.utc(node.firstSeenUnixUs)} / ${format.utc(node.lastSeenUnixUs)} (${format.ago(node.lastSeenUnixUs)})`],
        ["Last values", last ? `force ${format.newtons(last.forceMilliNewtons)}, confidence ${format.confidence(last.visionConfidence)}, interlocks 0x${last.interlockBits.toString(16)}` : "none stored"],
      ])),
      h("section", { class: "panel" }, h("h2", {}, "Ingest"), facts([
        ["Frames", `${c.framesReceived} received, ${c.framesStored} stored, ${c.framesDuplicate} duplicate`],
        ["Gaps", `${c.gapsDetected} detected, ${c.framesLost} frames lost, ${c.framesRecovered} recovered`],
        ["Events", `${c.eventsStored} stored, ${c.eventsReplayed} replayed`],
        ["Reboots", String(c.rebootsDetected)],
        ["Rejected", `${c.messagesRejected}` + (Object.keys(node.rejects || {}).length ? " (" + Object.entries(node.rejects).map(([k, v]) => `${k} ${v}`).join(", ") + ")" : "")],
      ]))),
    h("h2", {}, "Recent frames (last 60 s)"),
    charts,
    recent.length === 0 ? h("p", {}, "No frames in the last 60 s.") : h("table", { class: "frames" },
      h("caption", {}, `newest ${recent.length} of ${frames.length} frame(s)`),
      h("thead", {}, h("tr", {}, ["Seq", "Wall start (UTC)", "Samples", "Period", "Flags", "Policy", "Force first → last", "Time"].map(t => h("th", { scope: "col" }, t)))),
      h("tbody", {}, recent.map(f => h("tr", {},
        h("td", {}, String(f.frameSequence)),
        h("td", {}, format.utc(f.wallStartUnixUs)),
        h("td", {}, String(f.samples.length)),
        h("td", {}, format.duration(f.samplePeriodUs)),
        h("td", {}, frameFlags(f.flags)),
        h("td", {}, format.policy(f.provenance.policyId, f.provenance.policyHash)),
        h("td", {}, f.samples.length ? `${format.newtons(f.samples[0].forceMilliNewtons)} → ${format.newtons(f.samples[f.samples.length - 1].forceMilliNewtons)}` : "-"),
        h("td", {}, f.provenance.wallSource))))),
    policyForm);
  if (samples.length) {
    const t0 = samples[samples.length - 1].wallUnixUs;
    curve(charts, { title: "Force, last 60 s", xs: samples.map(x => (x.wallUnixUs - t0) / 1e6), ys: samples.map(x => x.forceMilliNewtons / 1000), label: "force, N" });
  }
}

function frameFlags(flags) {
  const names = [];
  if (flags & 1) names.push("replayed");
  if (flags & 2) names.push("tripped");
  if (flags & 4) names.push("degraded");
  return names.join(", ") || "-";
}
