// What the board knows: every node's state (stream messages, refreshed by polling for last-seen times and
// for nodes that go silent, which the stream does not announce) and each node's open case.
import { getJson } from "./api.js";

export const nodes = new Map();
export const openCases = new Map();
const listeners = new Set();

export function subscribe(listener) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

function changed(kind, data) {
  for (const listener of listeners) listener(kind, data);
}

export function applyNode(view) {
  const before = nodes.get(view.nodeId) || {};
  nodes.set(view.nodeId, { ...before, ...view });
  changed("node", view);
}

export function applyCase(summary) {
  const current = openCases.get(summary.nodeId);
  if (summary.status === "open") {
    if (!current || current.caseId <= summary.caseId) openCases.set(summary.nodeId, summary);
  } else if (current && current.caseId === summary.caseId) {
    openCases.delete(summary.nodeId);
  }
  changed("case", summary);
}

export async function refreshNodes() {
  const list = await getJson("/api/v1/nodes");
  for (const view of list) nodes.set(view.nodeId, { ...(nodes.get(view.nodeId) || {}), ...view });
  changed();
}

export async function refreshOpenCases() {
  const list = await getJson("/api/v1/cases?status=open&limit=1000");
  openCases.clear();
  // Newest first: the first open case seen per node is its latest.
  for (const c of list) if (!openCases.has(c.nodeId)) openCases.set(c.nodeId, c);
  changed();
}
