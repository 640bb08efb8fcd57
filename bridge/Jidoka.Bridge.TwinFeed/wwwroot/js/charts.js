// Curves around a trip with uPlot (vendored): the limit as a solid line and the warning band as a shaded
// strip, drawn at the values the bridge reports, and the moment of detection as a vertical line.
import uPlot from "/vendor/uplot-1.6.32/uPlot.esm.js";
import { h } from "./dom.js";

/**
 * container: element; xs: seconds from detection; ys: values in display units;
 * limit / bandFrom / bandTo: display units or null; label: series name with unit.
 */
export function curve(container, { title, xs, ys, label, limit, limitLabel, bandFrom, bandTo, bandLabel, yRange }) {
  const legend = [
    limit != null ? h("li", { class: "key-limit" }, h("span", { "aria-hidden": "true" }, "━ "), limitLabel) : null,
    bandFrom != null ? h("li", { class: "key-band" }, h("span", { "aria-hidden": "true" }, "▒ "), bandLabel) : null,
    h("li", { class: "key-trip" }, h("span", { "aria-hidden": "true" }, "┆ "), "trip detected (0 s)"),
  ];
  const plot = h("div", { class: "plot" });
  const figure = h("figure", { class: "curve", "data-limit": limit ?? "", "data-band-from": bandFrom ?? "", "data-band-to": bandTo ?? "" },
    h("figcaption", {}, title), plot, h("ul", { class: "curve-key" }, legend));
  container.append(figure);
  if (xs.length === 0) {
    plot.append(h("p", {}, "No samples stored for this window."));
    return figure;
  }
  const drawExtras = u => {
    const ctx = u.ctx;
    const { left, top, width, height } = u.bbox;
    ctx.save();
    if (bandFrom != null && bandTo != null) {
      const y1 = u.valToPos(bandTo, "y", true);
      const y2 = u.valToPos(bandFrom, "y", true);
      ctx.fillStyle = "rgba(255, 193, 7, 0.25)";
      ctx.fillRect(left, Math.min(y1, y2), width, Math.abs(y2 - y1));
    }
    if (limit != null) {
      const y = u.valToPos(limit, "y", true);
      ctx.strokeStyle = "#ff5252";
      ctx.lineWidth = 2 * devicePixelRatio;
      ctx.beginPath(); ctx.moveTo(left, y); ctx.lineTo(left + width, y); ctx.stroke();
    }
    const x0 = u.valToPos(0, "x", true);
    ctx.strokeStyle = "#e0e0e0";
    ctx.setLineDash([6, 4]);
    ctx.lineWidth = 1 * devicePixelRatio;
    ctx.beginPath(); ctx.moveTo(x0, top); ctx.lineTo(x0, top + height); ctx.stroke();
    ctx.restore();
  };
  const values = ys.filter(v => v != null);
  const marks = [limit, bandFrom, bandTo].filter(v => v != null);
  const lo = Math.min(...values, ...marks);
  const hi = Math.max(...values, ...marks);
  const pad = (hi - lo) * 0.08 || 1;
  const options = {
    width: Math.max(320, Math.min(container.clientWidth || 900, 1100)),
    height: 260,
    scales: { x: { time: false }, y: { range: yRange || [lo - pad, hi + pad] } },
    axes: [
      { label: "seconds from trip", stroke: "#ccc", grid: { stroke: "#333" } },
      { label, stroke: "#ccc", grid: { stroke: "#333" }, size: 70 },
    ],
    series: [{ label: "t (s)" }, { label, stroke: "#4fc3f7", width: 2 }],
    hooks: { draw: [drawExtras] },
    legend: { show: true },
  };
  figure.chart = new uPlot(options, [xs, ys], plot);
  return figure;
}
