// How values read on screen: units always shown, times in UTC as the CLI prints them.

export function newtons(milliNewtons) {
  return milliNewtons === undefined || milliNewtons === null ? "-" : (milliNewtons / 1000).toFixed(1) + " N";
}

export function confidence(tenThousandths) {
  return tenThousandths === undefined || tenThousandths === null ? "-" : (tenThousandths / 100).toFixed(1) + " %";
}

export function utc(unixUs) {
  if (!unixUs) return "-";
  return new Date(unixUs / 1000).toISOString().replace("T", " ");
}

export function duration(us) {
  if (us === undefined || us === null) return "-";
  if (us < 1000) return us + " µs";
  if (us < 1_000_000) return (us / 1000).toFixed(1) + " ms";
  if (us < 120_000_000) return (us / 1_000_000).toFixed(1) + " s";
  return (us / 60_000_000).toFixed(1) + " min";
}

export function ago(unixUs, nowMs = Date.now()) {
  if (!unixUs) return "never";
  const seconds = Math.max(0, Math.round(nowMs / 1000 - unixUs / 1e6));
  if (seconds < 2) return "just now";
  if (seconds < 120) return seconds + " s ago";
  if (seconds < 7200) return Math.round(seconds / 60) + " min ago";
  return Math.round(seconds / 3600) + " h ago";
}

export function timeQuality(quality, uncertaintyUs) {
  if (quality === "synced") return "synced ±" + duration(uncertaintyUs);
  return quality || "-";
}

export function policy(id, hash) {
  return id ? `${id} (${hash})` : "-";
}

/** The limit as the rule measures it: force rules in N, vision rules in %, others raw. */
export function ruleValue(rule, value) {
  if (rule.startsWith("force")) return newtons(value);
  if (rule === "vision-low-confidence") return confidence(value);
  if (rule === "vision-stale") return value + " ms";
  return String(value);
}

/** Interlock bits: bit0 guard A … bit5 e-stop B, 1 = closed. */
export const INTERLOCK_CHANNELS = ["guard A", "guard B", "light curtain A", "light curtain B", "e-stop A", "e-stop B"];

export function interlockStates(bits) {
  return INTERLOCK_CHANNELS.map((name, i) => ({ name, closed: ((bits >> i) & 1) === 1 }));
}

export const TRIP_CAUSES = ["force-over-limit", "vision-low-confidence", "vision-stale", "interlock-open", "channel-discrepancy", "sensor-fault", "loop-overrun"];
