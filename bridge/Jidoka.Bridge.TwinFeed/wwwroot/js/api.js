// The bridge's HTTP API, same origin only. Errors carry the bridge's own problem document (RFC 9457).
import { session } from "./auth.js";

export class ApiProblem extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || ("HTTP " + status));
    this.status = status;
    this.type = problem.type || "";
    this.title = problem.title || "";
    this.detail = problem.detail || "";
  }
}

async function read(response) {
  const text = await response.text();
  let body = null;
  try { body = text ? JSON.parse(text) : null; } catch { body = null; }
  if (!response.ok && !(response.status === 202 && body)) {
    throw new ApiProblem(response.status, body && typeof body === "object" ? body : { title: "HTTP " + response.status, detail: text.slice(0, 300) });
  }
  return body;
}

export async function getJson(path) {
  return read(await fetch(path, { headers: { Accept: "application/json" }, cache: "no-store" }));
}

/** GET that answers null for a 404 (an unknown policy is a fact to show, not an error). */
export async function getJsonOrNull(path) {
  try { return await getJson(path); } catch (e) { if (e instanceof ApiProblem && e.status === 404) return null; throw e; }
}

/** POST a command with the signed-in operator's token and id. */
export async function postCommand(path, body) {
  const { token, operator } = session();
  const headers = { "Content-Type": "application/json", Accept: "application/json" };
  if (token) headers.Authorization = "Bearer " + token;
  const payload = { ...body };
  if (operator) payload.operator = operator;
  return read(await fetch(path, { method: "POST", headers, body: JSON.stringify(payload), cache: "no-store" }));
}
