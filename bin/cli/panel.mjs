// Pure formatting of a panel probe for the terminal (persona-studio panel): the
// members' seats, the pairs, effective positions, the ceiling experiment's gain,
// the flags, and which flags match --fail-on. No I/O here.

import { align } from "./report.mjs";

export const PANEL_FLAG_KINDS = ["costume", "polarity", "indistinguishable"];

/** "costume,polarity" | "any" | "none" → the panel flag kinds that fail the run; throws on an unknown kind. */
export function parsePanelFailOn(value) {
  const text = value.trim().toLowerCase();
  if (text === "none" || text === "") return [];
  const words = [...new Set(text.split(",").map((s) => s.trim()).filter(Boolean))];
  const kinds = [...new Set(words.flatMap((w) => (w === "any" ? PANEL_FLAG_KINDS : [w])))];
  const unknown = kinds.filter((k) => !PANEL_FLAG_KINDS.includes(k));
  if (unknown.length) throw new Error(`--fail-on: unknown panel flag kind "${unknown.join(", ")}"; use ${PANEL_FLAG_KINDS.join(", ")}, any or none`);
  return kinds;
}

export const matchingPanelFlags = (report, kinds) => report.flags.filter((f) => kinds.includes(f.kind));

const num = (x, digits = 1) => (x === null || x === undefined || !Number.isFinite(x) ? "–" : x.toFixed(digits));
const signed = (x) => (x === null || x === undefined || !Number.isFinite(x) ? "–" : `${x > 0 ? "+" : ""}${x.toFixed(1)}`);
/** "2.6 [2.1, 3.0]" */
export const interval = (v, sign = false) => `${(sign ? signed : num)(v?.estimate)} [${num(v?.lo)}, ${num(v?.hi)}]`;

const nameOf = (report) => {
  const names = new Map(report.members.map((m) => [m.key, m.name]));
  return (key) => names.get(key) ?? key;
};

/** "Probing panel Council (4 members, divergence of the active plan) — run …" */
export function panelHeading(run) {
  const what = run.experiment === "ceiling" ? "ceiling experiment: one model vs routed" : "divergence of the active plan";
  const version = run.panelVersion === null ? "as it stands" : `v${run.panelVersion}`;
  return `Panel ${run.panelName} (${version}, ${run.members.length} members, ${what}) — judged by ${run.judge.label}; ${run.watched.length} traits: ${run.watched.join(", ")}`;
}

/** One line while it runs: member runs done, answers, distinguishability. */
export function panelProgressLine(run) {
  const runs = run.members.flatMap((m) => m.runs);
  const finished = runs.filter((r) => ["completed", "failed", "cancelled"].includes(r.status)).length;
  const answers = runs.reduce((s, r) => s + r.done, 0);
  const d = run.distinguish;
  const blind = d.status === "off" ? "" : ` · blind distinguishability ${d.done}/${d.total || "?"}`;
  return `${run.status}: ${finished}/${runs.length} member runs finished · ${answers} answers${blind} · ${run.modelCalls} calls, ${run.cacheHits} reused`;
}

/** Per arm: member | seat, then pair | distance [CI] | status | blind accuracy. */
export function panelTables(report) {
  const name = nameOf(report);
  const out = [];
  for (const arm of report.arms) {
    const d = arm.divergence;
    out.push(`${arm.label}: ${interval(d.effectivePositions)} effective positions of ${d.members.length}; mean distance ${interval(d.meanDistance)} points; ${d.items} common items`);
    out.push(align([["member", "seat"], ...d.members.map((k) => [name(k), arm.seats[k] ?? "–"])], [false, false]));
    const blind = new Map(arm.distinguish.map((p) => [`${p.a}|${p.b}`, p]));
    const rows = d.pairs.map((p) => {
      const b = blind.get(`${p.a}|${p.b}`) ?? blind.get(`${p.b}|${p.a}`);
      return [`${name(p.a)} – ${name(p.b)}`, interval(p.distance), p.status, b && b.n ? `${Math.round(100 * b.accuracy.estimate)}% of ${b.n} (${b.status})` : "–"];
    });
    out.push(align([["pair", "distance [95% CI]", "status", "judge tells apart"], ...rows], [false, false, false, false]));
    for (const pol of arm.polarity) {
      out.push(`Polarity ${name(pol.a)} vs ${name(pol.b)}: ${signed(pol.difference.estimate)} [${num(pol.difference.lo)}, ${num(pol.difference.hi)}] on the axis (needs ${pol.minimum}): ${pol.status}`);
    }
    out.push("");
  }
  if (report.gain) {
    const g = report.gain;
    const clear = (v) => (v.lo !== null && v.lo > 0 ? "a clear gain" : v.hi !== null && v.hi < 0 ? "a clear loss" : "no clear gain");
    out.push(`Diversity gain, routed − one model: effective positions ${interval(g.effectivePositions.gain, true)} (${clear(g.effectivePositions.gain)}); mean distance ${interval(g.meanDistance.gain, true)} points (${clear(g.meanDistance.gain)})`);
    if (g.moved.length) out.push(`Moved most when it changed model: ${g.moved.slice(0, 3).map((m) => `${name(m.member)} ${interval(m.distance)}`).join("; ")}`);
    out.push("");
  }
  return out.join("\n").trimEnd();
}

export function panelFlagList(report) {
  if (!report.flags.length) return "No panel flags.";
  return ["Flags:", ...report.flags.map((f) => `  ${f.kind.padEnd(17)} ${report.arms.length > 1 ? `[${f.arm}] ` : ""}${f.message}`)].join("\n");
}

export function panelVerdict(matched, kinds) {
  if (!kinds.length) return null;
  if (!matched.length) return `PASSED: no ${kinds.join("/")} flags.`;
  return `FAILED: ${matched.length} flag${matched.length === 1 ? "" : "s"} of --fail-on ${kinds.join(",")}.`;
}
