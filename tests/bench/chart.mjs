// The benchmark's chart: one panel per measure, one bar per contender, as a
// hand-written SVG (no dependency). Bytes are drawn in kB; times as the median
// of the per-run ratios to raw fetch, with raw fetch's 1× marked, so that
// "shorter is better" holds in every panel.
//
// bench.mjs writes target/bench/results.svg after each run; to draw it again
// from a run's samples:
//   node tests/bench/chart.mjs target/bench/results.json [out.svg]
import fs from "node:fs";
import { fileURLToPath } from "node:url";

const PANELS = [
  ["bytes", "shipped bytes, brotli (kB)", null],
  ["cold", "cold: script inserted → first call done (× raw fetch)", "ratio"],
  ["throttled", "cold under a 4× CPU throttle (× raw fetch)", "ratio"],
  ["idle", "first call after an idle second (× raw fetch)", "ratio"],
  ["warm", "warm: per call over the network (× raw fetch)", "ratio"],
  ["cpu", "CPU per warm call, fetch stubbed (× raw fetch)", "ratio"],
];
const COLORS = ["#1b6ac9", "#c9511b", "#2f8f3a", "#8a3fb5", "#b5892f", "#5f6b76", "#c22f6d", "#2f9fb5", "#7a7a2f"];

const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  const i = (s.length - 1) * q;
  return s[Math.floor(i)] + (s[Math.ceil(i)] - s[Math.floor(i)]) * (i - Math.floor(i));
};
const escape = (s) => String(s).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * The SVG text for a run: `{ date, runs, bytes: {id: n}, labels?: {id: label},
 * samples: {id: {cold: [ms…], …}} }`, as bench.mjs writes results.json.
 */
export function chart({ date, runs, bytes, labels = {}, samples }) {
  const ids = Object.keys(samples);
  const color = Object.fromEntries(ids.map((id, i) => [id, COLORS[i % COLORS.length]]));
  const W = 760;
  const LABEL = 250;
  const BAR = 16;
  const GAP = 5;
  const plot = W - LABEL - 80;
  const parts = [];
  let y = 44;
  for (const [key, title, kind] of PANELS) {
    const rows = ids
      .filter((id) => (kind == "ratio" ? id != "raw" && samples[id][key]?.length : bytes[id] != null))
      .map((id) => {
        const value =
          kind == "ratio" ? quantile(samples[id][key].map((v, i) => v / samples.raw[key][i]), 0.5) : bytes[id] / 1000;
        return { id, value };
      });
    if (rows.length == 0) continue;
    const max = Math.max(...rows.map((r) => r.value), kind == "ratio" ? 1 : 0) * 1.05;
    parts.push(`<text x="0" y="${y}" class="title">${escape(title)}</text>`);
    y += 10;
    const top = y;
    for (const { id, value } of rows) {
      const w = Math.max(1, (value / max) * plot);
      parts.push(
        `<text x="${LABEL - 8}" y="${y + BAR - 4}" text-anchor="end">${escape(labels[id] ?? id)}</text>`,
        `<rect x="${LABEL}" y="${y}" width="${w.toFixed(1)}" height="${BAR}" fill="${color[id]}"/>`,
        `<text x="${(LABEL + w + 6).toFixed(1)}" y="${y + BAR - 4}">${kind == "ratio" ? `${value.toFixed(2)}×` : `${value.toFixed(1)} kB`}</text>`,
      );
      y += BAR + GAP;
    }
    if (kind == "ratio") {
      const x = (LABEL + plot / max).toFixed(1);
      parts.push(`<line x1="${x}" y1="${top - 4}" x2="${x}" y2="${y}" class="raw"/>`, `<text x="${x}" y="${y + 11}" text-anchor="middle" class="note">raw fetch 1×</text>`);
      y += 14;
    }
    y += 22;
  }
  const head = `cognito-confirm and its peers, ${escape(String(date).slice(0, 16).replace("T", " "))} UTC, ${runs} runs (shorter is better)`;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${y}" viewBox="0 0 ${W} ${y}" font-family="system-ui, sans-serif" font-size="12">`,
    `<style>.title{font-weight:600}.note{fill:#555;font-size:10px}.raw{stroke:#222;stroke-dasharray:3 3}text{fill:#111}</style>`,
    `<rect width="100%" height="100%" fill="#fff"/>`,
    `<text x="0" y="18" font-size="14" class="title">${head}</text>`,
    ...parts,
    `</svg>`,
    "",
  ].join("\n");
}

if (process.argv[1] == fileURLToPath(import.meta.url)) {
  const [input = "target/bench/results.json", output = input.replace(/\.json$/, ".svg")] = process.argv.slice(2);
  fs.writeFileSync(output, chart(JSON.parse(fs.readFileSync(input, "utf8"))));
  console.log(`wrote ${output}`);
}
