// The andon board: one tile per node, grouped by cell, live. State is always spelled out with an icon and
// a word as well as a colour, and the type is large enough to read from across a cell.
import { h, replace } from "./dom.js";
import * as format from "./format.js";
import * as state from "./state.js";
import { resetNode } from "./commands.js";
import { getJson } from "./api.js";

const STATES = {
  tripped: { icon: "✖", word: "TRIPPED" },
  armed: { icon: "✔", word: "ARMED" },
  booting: { icon: "…", word: "BOOTING" },
  offline: { icon: "⚠", word: "OFFLINE" },
  unknown: { icon: "?", word: "NO STATUS" },
};

export function displayState(node) {
  if (!node.online) return "offline";
  if (!node.hasStatus) return "unknown";
  return STATES[node.tripState] ? node.tripState : "unknown";
}

function tile(node) {
  const shown = displayState(node);
  const { icon, word } = STATES[shown];
  const openCase = state.openCases.get(node.nodeId);
  const tripped = node.tripState === "tripped";
  const headingId = "tile-title-" + node.nodeId;
  return h("article", { class: "tile state-" + shown, id: "tile-" + node.nodeId, "data-node": node.nodeId, "data-state": shown, "aria-labelledby": headingId },
    h("h3", { id: headingId }, h("a", { href: "#/node/" + node.nodeId, "data-focus-key": "node-" + node.nodeId }, node.nodeId)),
    h("p", { class: "state" }, h("span", { class: "icon", "aria-hidden": "true" }, icon), " ", h("span", { class: "state-word" }, word)),
    shown === "offline" && node.hasStatus ? h("p", { class: "last-known" }, "last known: " + node.tripState) : null,
    tripped ? h("p", { class: "cause" }, node.tripCause, " → ", h("strong", {}, node.response)) : null,
    h("dl", { class: "tile-facts" },
      h("dt", {}, "policy"), h("dd", {}, format.policy(node.policyId, node.policyHash), node.stagedPolicyId ? ` (staged ${node.stagedPolicyId})` : ""),
      h("dt", {}, "calibration"), h("dd", {}, `force ${node.forceCalibration} · vision ${node.visionCalibration}`),
      h("dt", {}, "time"), h("dd", { class: node.timeQuality === "synced" ? "" : "warn" }, format.timeQuality(node.timeQuality, node.timeUncertaintyUs), node.clockSkewSuspect ? " · clock skew?" : ""),
      h("dt", {}, "last seen"), h("dd", {}, format.ago(node.lastSeenUnixUs))),
    h("div", { class: "tile-actions" },
      openCase ? h("a", { class: "button", href: "#/case/" + openCase.caseId, "data-focus-key": "case-" + node.nodeId }, "Case " + openCase.caseId) : null,
      tripped && node.online ? h("button", { type: "button", class: "reset", "data-focus-key": "reset-" + node.nodeId, onclick: () => resetNode(node.nodeId) }, "Reset " + node.nodeId) : null));
}

export function renderBoard(main) {
  const summary = h("p", { class: "board-summary", id: "board-summary" });
  // While the bridge has lost its own MQTT broker nothing new reaches it: every tile is as last heard and
  // commands are refused (503 not-connected). Say so above the tiles, in words, not only by colour.
  const brokerLost = h("p", { class: "notice broker-lost", id: "broker-lost", role: "alert", "data-kind": "error", hidden: true },
    "⚠ The bridge has lost its MQTT broker: the tiles show each node as last heard, and commands are refused until it reconnects.");
  const cells = h("div", { class: "cells" });
  replace(main, h("h1", { tabindex: "-1" }, "Andon board"), brokerLost, summary, cells);
  const checkBroker = async () => {
    try {
      const bridge = await getJson("/api/v1/bridge");
      brokerLost.hidden = bridge.brokerConnected;
    } catch {
      // The bridge itself is unreachable: the live-stream indicator in the header says so.
    }
  };
  const draw = () => {
    // Rebuilt whole on every change; the focused control is found again by its key so keyboard users keep their place.
    const focusKey = document.activeElement?.dataset?.focusKey;
    const byCell = new Map();
    for (const node of [...state.nodes.values()].sort((a, b) => a.nodeId.localeCompare(b.nodeId))) {
      if (!byCell.has(node.cellId)) byCell.set(node.cellId, []);
      byCell.get(node.cellId).push(node);
    }
    const all = [...state.nodes.values()];
    const tripped = all.filter(n => n.online && n.tripState === "tripped").length;
    const offline = all.filter(n => !n.online).length;
    summary.textContent = all.length === 0
      ? "No nodes yet: start a node, or the bridge with --demo-nodes 3."
      : `${all.length} node(s): ${tripped} tripped, ${offline} offline.`;
    summary.dataset.tripped = String(tripped);
    replace(cells, [...byCell.keys()].sort().map(cell =>
      h("section", { class: "cell", "aria-label": "cell " + cell },
        h("h2", {}, "Cell ", cell),
        h("div", { class: "tiles" }, byCell.get(cell).map(tile)))));
    if (focusKey) main.querySelector(`[data-focus-key="${CSS.escape(focusKey)}"]`)?.focus();
  };
  draw();
  const unsubscribe = state.subscribe(draw);
  // "last seen … ago" ages without any message arriving; the broker check is polled with it.
  checkBroker();
  const timer = setInterval(() => { draw(); checkBroker(); }, 5000);
  return () => { unsubscribe(); clearInterval(timer); };
}
