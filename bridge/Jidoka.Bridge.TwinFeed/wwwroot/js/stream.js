// The bridge's live stream (Server-Sent Events). EventSource resumes by itself with Last-Event-ID after a
// dropped connection; when it gives up (the bridge answered an error, or restarted), a new one is opened
// with ?lastEventId= so the bridge replays what was missed, or says "resync" and sends a fresh snapshot.

export class LiveFeed {
  constructor(handlers, path = "/api/v1/stream") {
    this.handlers = handlers;
    this.path = path;
    this.lastEventId = "";
    this.source = null;
    this.retryTimer = 0;
    this.state = "connecting";
    this.opened = 0;
  }

  start() {
    const url = this.lastEventId ? `${this.path}?lastEventId=${encodeURIComponent(this.lastEventId)}` : this.path;
    const source = new EventSource(url);
    this.source = source;
    const on = (type, handler) => source.addEventListener(type, e => {
      if (e.lastEventId) {
        this.lastEventId = e.lastEventId;
        this.handlers.lastId?.(e.lastEventId);
      }
      let data;
      try { data = JSON.parse(e.data); } catch { return; }
      handler?.(data);
    });
    on("node", this.handlers.node);
    on("case", this.handlers.case);
    on("event", this.handlers.event);
    on("resync", this.handlers.resync);
    on("overflow", () => {});
    source.addEventListener("open", () => {
      // A reconnect before any message with an id was seen cannot resume: the bridge sends a fresh node
      // snapshot, but cases and events committed meanwhile must be read again, as after a resync.
      if (this.opened++ > 0 && !this.lastEventId) this.handlers.resync?.({ reason: "reconnected before any message id" });
      this.setState("live");
    });
    source.addEventListener("error", () => {
      if (source.readyState === EventSource.CLOSED) {
        this.setState("reconnecting");
        clearTimeout(this.retryTimer);
        this.retryTimer = setTimeout(() => this.start(), 2000);
      } else {
        this.setState("reconnecting");
      }
    });
  }

  setState(state) {
    this.state = state;
    this.handlers.state?.(state);
  }

  stop() {
    clearTimeout(this.retryTimer);
    this.source?.close();
  }
}
