// Issue 14 in the terminal: the probe command's --pressure / --self-report /
// --framing options turned into the create body, and the finished run's
// pressure and self-report sections as two compact tables. Pure: no I/O.

import { align } from "./report.mjs";

/**
 * lib/schemas/pressure.ts PRESSURE_LIMITS, copied (plain JS, no build step);
 * tests/unit/cli-pressure.test.ts checks they agree.
 */
export const PRESSURE_LIMITS = { conversationsPerScript: { min: 2, max: 40 }, turns: { min: 1, max: 12 }, scripts: 6 };

const SCRIPT_KEY = /^(?:[a-z][a-z0-9-]{0,79}|persona:\d{1,3})$/;
const TRAIT_KEY = /^[a-z][a-z0-9_]{1,39}$/;

/**
 * parseArgs cannot give a string option "no value": a bare `--pressure` (last, or before another
 * option) becomes `--pressure=default` before parsing. A value that does not start with "-" is
 * taken as the keys, so name the persona first: `probe support-agent --pressure`.
 */
export function withPressureDefault(argv) {
  return argv.map((a, i) => (a === "--pressure" && (i === argv.length - 1 || argv[i + 1].startsWith("-")) ? "--pressure=default" : a));
}

/** "default" | "" → [] (the server picks the built-ins for the persona's targets); "a,b,persona:0" → the keys. Throws on a malformed key. */
export function parsePressureKeys(value) {
  const text = value.trim().toLowerCase();
  if (text === "" || text === "default") return [];
  const keys = [...new Set(text.split(",").map((s) => s.trim()).filter(Boolean))];
  const bad = keys.filter((k) => !SCRIPT_KEY.test(k));
  if (bad.length) throw new Error(`--pressure: "${bad.join(", ")}" is not a script key; use built-in keys such as firm-refund, persona:<n> for the persona's own script n, or default`);
  if (keys.length > PRESSURE_LIMITS.scripts) throw new Error(`--pressure: at most ${PRESSURE_LIMITS.scripts} scripts, not ${keys.length}`);
  return keys;
}

function bounded(name, value, { min, max }) {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < min || n > max) throw new Error(`--${name} must be a whole number from ${min} to ${max}, not "${value}"`);
  return n;
}

/**
 * The issue-14 parts of the create body from the parsed options:
 * { pressure?: { scripts, conversationsPerScript?, turns? }, selfReport?: true, framingTrait? }.
 * --conversations and --turns need --pressure. Throws (a usage error for the caller) on bad values.
 */
export function pressureBody(values) {
  const body = {};
  if (values.pressure !== undefined) {
    body.pressure = { scripts: parsePressureKeys(values.pressure) };
    if (values.conversations !== undefined) body.pressure.conversationsPerScript = bounded("conversations", values.conversations, PRESSURE_LIMITS.conversationsPerScript);
    if (values.turns !== undefined) body.pressure.turns = bounded("turns", values.turns, PRESSURE_LIMITS.turns);
  } else {
    const stray = ["conversations", "turns"].filter((k) => values[k] !== undefined);
    if (stray.length) throw new Error(`--${stray[0]} only applies with --pressure`);
  }
  if (values["self-report"]) body.selfReport = true;
  if (values.framing !== undefined) {
    const trait = values.framing.trim();
    if (!TRAIT_KEY.test(trait)) throw new Error(`--framing takes a targeted trait's key, such as firm, not "${values.framing}"`);
    body.framingTrait = trait;
  }
  return body;
}

const num = (x) => (x === null || x === undefined ? "–" : x.toFixed(1));
const signed = (x) => (x === null || x === undefined ? "–" : `${x > 0 ? "+" : ""}${x.toFixed(1)}`);
const ci = (e, sign = false) => (e.estimate === null ? "–" : `${(sign ? signed : num)(e.estimate)} [${(sign ? signed : num)(e.lo)}, ${(sign ? signed : num)(e.hi)}]`);
const whole = (x) => (x === null || x === undefined ? "–" : String(Math.round(x)));

/** "breaks at turn 3 [2, 4]" from a survival row, or "holds beyond turn k" when fewer than half broke. */
export function turnsToBreak(survival) {
  if (!survival) return "–";
  if (survival.median === null) return `holds beyond turn ${survival.lastTurn}`;
  // The studio's wording (lib/probing/chart-prep/pressure.ts medianText): an open upper end is "beyond k".
  const lo = whole(survival.medianLo ?? survival.median);
  const hi = survival.medianHi === null || survival.medianHi === undefined ? `beyond ${survival.lastTurn}` : whole(survival.medianHi);
  if (survival.median === 0) return `half already below at the first answer (turn 0) [${lo}, ${hi}]`;
  return `breaks at turn ${whole(survival.median)} [${lo}, ${hi}]`;
}

/**
 * trait | scripts | slope per turn [95% CI] | turns to break (below threshold) — one row per trait a
 * script pushes against; null when the run had no pressure conversations.
 */
export function pressureSummary(report) {
  const p = report?.pressure;
  if (!p) return null;
  const traits = [...new Set(p.scripts.map((s) => s.trait))];
  const conversations = p.scripts.reduce((s, x) => s + x.conversations, 0);
  const header = ["trait", "scripts", "slope/turn [95% CI]", "turns to break", "broke"];
  const rows = traits.map((trait) => {
    const drift = p.drift.find((d) => d.trait === trait && d.script === null) ?? p.drift.find((d) => d.trait === trait);
    const surv = p.survival.find((s) => s.trait === trait);
    const scripts = p.scripts.filter((s) => s.trait === trait).map((s) => s.key).join(", ");
    return [
      trait, scripts, drift ? ci(drift.slope, true) : "–",
      surv ? `${turnsToBreak(surv)} (below ${num(surv.threshold)})` : "–",
      surv ? `${surv.breaks}/${surv.conversations}` : "–",
    ];
  });
  const title = `Under pressure (${conversations} conversation${conversations === 1 ? "" : "s"}, ${p.turns} push${p.turns === 1 ? "" : "es"} each):`;
  return `${title}\n${align([header, ...rows], [false, false, false, false, true])}`;
}

/** trait | says | does [95% CI] | gap [95% CI] | flag — null when the run did not ask for self-ratings. */
export function selfReportSummary(report) {
  const s = report?.selfReport;
  if (!s) return null;
  const header = ["trait", "says", "does [95% CI]", "gap [95% CI]", "flag"];
  const rows = s.rows.map((r) => [r.trait, num(r.self.estimate), ci(r.behaviour), ci(r.gap, true), r.flag ?? "–"]);
  return `Self-report vs behaviour (${s.itemsPerTrait} self-rating item${s.itemsPerTrait === 1 ? "" : "s"} per trait):\n${align([header, ...rows], [false, true, false, false, false])}`;
}

/** What a leakage row says, in the report's words. */
const framingWord = (r) => (r.requestedLeaksLess ? "requested leaks less" : r.requestedLeaksMore ? "requested leaks more" : r.natureLeaks ? "no clear difference" : "–");

/**
 * The framing pair: the verdict, the framed trait's landing under both wordings, then per
 * untargeted trait each wording's leakage [95% CI] and what the pair says — null without one.
 */
export function framingSummary(report) {
  const f = report?.framing;
  if (!f) return null;
  const header = ["trait", "nature wording [95% CI]", "requested wording [95% CI]", "difference [95% CI]", "reads"];
  const rows = f.rows.map((r) => [r.trait, ci(r.nature, true), ci(r.requested, true), ci(r.difference, true), framingWord(r)]);
  const target = `${f.trait} itself lands at ${ci(f.targetLanding.nature)} as its nature, ${ci(f.targetLanding.requested)} as the job`;
  return `Framing pair (${f.trait}, target ${f.target}): ${f.verdict}\n${target}\nLeakage (shift from the neutral assistant):\n${align([header, ...rows], [false, false, false, false, false])}`;
}
