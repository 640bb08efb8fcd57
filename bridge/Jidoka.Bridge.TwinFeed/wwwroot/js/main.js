// The web app: a hash router over the views, one live stream shared by all of them.
import { bindSignIn } from "./auth.js";
import { LiveFeed } from "./stream.js";
import * as state from "./state.js";
import { renderBoard } from "./board.js";
import { renderCases } from "./cases.js";
import { renderCase } from "./case.js";
import { renderNode } from "./node.js";
import { renderHealth } from "./health.js";
import { showNotice } from "./notice.js";

const main = document.getElementById("main");
let cleanup = null;

const routes = [
  [/^#\/board$/, () => renderBoard(main), "board"],
  [/^#\/cases(?:\?(.*))?$/, m => renderCases(main, new URLSearchParams(m[1] || "")), "cases"],
  [/^#\/case\/(\d+)$/, m => renderCase(main, m[1]), "cases"],
  [/^#\/node\/([a-z0-9_-]{1,16})$/, m => renderNode(main, m[1]), "board"],
  [/^#\/health$/, () => renderHealth(main), "health"],
];

async function route(event) {
  const hash = location.hash || "#/board";
  cleanup?.();
  cleanup = null;
  for (const [pattern, render, section] of routes) {
    const match = hash.match(pattern);
    if (!match) continue;
    for (const link of document.querySelectorAll("[data-nav]")) {
      if (link.dataset.nav === section) link.setAttribute("aria-current", "page"); else link.removeAttribute("aria-current");
    }
    try {
      cleanup = (await render(match)) || null;
    } catch (e) {
      main.replaceChildren();
      showNotice("Could not load this page: " + e.message, "error");
    }
    // After a navigation, keyboard and screen-reader users land on the new page's heading, not on a
    // stale control; on the first load the page starts at the top (the skip link is the first stop).
    if (event) (main.querySelector("h1") || main).focus?.();
    return;
  }
  location.hash = "#/board";
}

const streamState = document.getElementById("stream-state");
const feed = new LiveFeed({
  node: state.applyNode,
  case: state.applyCase,
  resync: () => { state.refreshNodes().catch(() => {}); state.refreshOpenCases().catch(() => {}); },
  lastId: id => { streamState.dataset.lastEventId = id; },
  state: s => {
    streamState.textContent = s === "live" ? "● live" : "○ " + s + "…";
    streamState.dataset.state = s;
  },
});

bindSignIn();
window.addEventListener("hashchange", route);
feed.start();
Promise.all([state.refreshNodes(), state.refreshOpenCases()]).catch(e => showNotice("The bridge did not answer: " + e.message, "error"));
// The stream announces state changes only; last-seen times and silent nodes going offline come from here.
setInterval(() => state.refreshNodes().catch(() => {}), 5000);
route();
