// Commands from the page: the bridge's answer (or refusal, as its problem document words it) goes to the notice line.
import { postCommand, ApiProblem } from "./api.js";
import { showNotice } from "./notice.js";

async function run(path, body) {
  try {
    const result = await postCommand(path, body);
    showNotice(result.message, result.outcome === "rejected" ? "error" : "info");
    return result;
  } catch (e) {
    showNotice(e instanceof ApiProblem ? e.detail || e.title : "The bridge did not answer: " + e.message, "error");
    return null;
  }
}

export function resetNode(nodeId) {
  return run(`/api/v1/nodes/${encodeURIComponent(nodeId)}/reset`, {});
}

export function applyPolicy(nodeId, policy, changeover) {
  return run(`/api/v1/nodes/${encodeURIComponent(nodeId)}/policy`, { policy, changeover });
}
