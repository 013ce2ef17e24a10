// Pure formatting of a probe run for the terminal: the compact table, the flags
// list and which flags match --fail-on. No I/O here, so it reads like the report.

import { capLine, usageLine } from "./usage.mjs";

/** lib/schemas/probe.ts FLAG_KINDS, copied (plain JS); tests/unit/cli-gates.test.ts checks they agree. */
export const FLAG_KINDS = ["tension", "compromise", "leakage", "miss", "overshoot", "caves", "drifts-back", "says-not-does", "does-not-say"];
/** Not a flag kind: the scenario checks (bin/cli/checks.mjs). */
export const CHECK = "check";

/**
 * "tension,leakage" | "any" | "none" | "any,check" → what fails the run: flag kinds, and "check" for the
 * scenario checks ("any" is every flag kind; checks are named on their own). Throws on an unknown kind.
 */
export function parseFailOn(value) {
  const text = value.trim().toLowerCase();
  if (text === "none" || text === "") return [];
  const words = [...new Set(text.split(",").map((s) => s.trim()).filter(Boolean))];
  const kinds = [...new Set(words.flatMap((w) => (w === "any" ? FLAG_KINDS : [w])))];
  const unknown = kinds.filter((k) => !FLAG_KINDS.includes(k) && k !== CHECK);
  if (unknown.length) throw new Error(`--fail-on: unknown flag kind "${unknown.join(", ")}"; use ${FLAG_KINDS.join(", ")}, any, check or none`);
  return kinds;
}

/**
 * Settled flags do not fail a run unless --strict: one a member acknowledged as expected for this persona
 * (the report marks it `acknowledged`), and a shift that came with the character type (`expected`: the
 * library says it travels with a targeted trait) — acknowledged by the type itself.
 */
export const isSettled = (flag) => Boolean(flag.acknowledged || flag.expected);

/** The flags of the --fail-on kinds that fail the run (settled ones only with --strict). */
export const matchingFlags = (run, kinds, { strict = false } = {}) =>
  run.report.flags.filter((f) => kinds.includes(f.kind) && (strict || !isSettled(f)));

/** The flags of the --fail-on kinds that would fail the run with --strict but do not without it. */
export const settledFlags = (run, kinds, { strict = false } = {}) =>
  strict ? [] : run.report.flags.filter((f) => kinds.includes(f.kind) && isSettled(f));

const num = (x) => (x === null || x === undefined ? "–" : x.toFixed(1));
const signed = (x) => (x === null || x === undefined ? "–" : `${x > 0 ? "+" : ""}${x.toFixed(1)}`);

/** The model that answered, with the simulator named for what it is. */
export function modelLabel(side) {
  return side.simulated ? `${side.model} (simulator — not a language model)` : `${side.label} · ${side.model}`;
}

export function runHeading(run) {
  const version = run.version === "draft" ? "draft" : `v${run.version}`;
  const judge = run.judge.providerId === run.target.providerId && run.judge.model === run.target.model ? "same" : modelLabel(run.judge);
  return [
    `${run.personaName} · ${version} · probe run ${run.id}`,
    `target: ${modelLabel(run.target)} · judge: ${judge}`,
    `${run.progress.answers} answers · ${usageLine(run)}`,
    capLine(run),
  ].filter(Boolean).join("\n");
}

/** Columns padded to their widest cell; `right[i]` right-aligns column i. */
export function align(rows, right) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  return rows
    .map((r) => r.map((cell, i) => (right[i] ? String(cell).padStart(widths[i]) : String(cell).padEnd(widths[i]))).join("  ").trimEnd())
    .join("\n");
}

/** trait | target | landing [95% CI] | baseline | shift | flags */
export function reportTable(run) {
  const kinds = new Map();
  for (const flag of run.report.flags) {
    for (const trait of flag.traits) kinds.set(trait, [...new Set([...(kinds.get(trait) ?? []), flag.kind])]);
  }
  const header = ["trait", "target", "landing [95% CI]", "baseline", "shift", "flags"];
  const rows = run.report.rows.map((r) => [
    r.key,
    r.target ?? "–",
    r.landing.mean === null ? "–" : `${num(r.landing.mean)} [${num(r.landing.lo)}, ${num(r.landing.hi)}]`,
    num(r.baseline.mean),
    signed(r.shift.difference),
    (kinds.get(r.key) ?? []).join(", ") || "–",
  ]);
  return align([header, ...rows], [false, true, false, true, true, false]);
}

export function flagList(run) {
  const flags = run.report.flags;
  // The report's one-sentence verdict (the main issue) first; reports stored by older methods have none.
  const top = run.report.verdictLine ? `Verdict: ${run.report.verdictLine.text}\n\n` : "";
  if (flags.length === 0) return `${top}No flags.`;
  const rows = flags.map((f) => [
    `  ${f.severity}`,
    f.expected ? "leakage (came with the character type)" : f.kind,
    f.acknowledged ? `${f.title} (acknowledged: ${f.acknowledged.reason})` : f.title,
  ]);
  return `${top}Flags (${flags.length}):\n${align(rows, [false, false, false])}`;
}

/** One line saying whether the flag check passed, which flags failed it, and which settled ones it did not count. */
export function verdict(matched, kinds, { settled = [], strict = false } = {}) {
  const flagKinds = kinds.filter((k) => k !== CHECK);
  if (flagKinds.length === 0) return kinds.length ? null : "✓ Not checking flags (--fail-on none).";
  const rule = (flagKinds.length === FLAG_KINDS.length ? "any" : flagKinds.join(",")) + (strict ? " --strict" : "");
  const skipped = settled.length
    ? ` (not counted: ${settled.length} acknowledged or came with the character type — ${settled.map((f) => f.id).join(", ")}; --strict counts them)`
    : "";
  if (matched.length === 0) return `✓ No flags of the kinds in --fail-on ${rule}${skipped}.`;
  const which = matched.map((f) => `${f.kind} (${f.traits.join(", ")})${f.acknowledged ? " [acknowledged]" : f.expected ? " [came with the character type]" : ""}`).join("; ");
  return `✗ ${matched.length} flag${matched.length === 1 ? " matches" : "s match"} --fail-on ${rule}: ${which}${skipped}`;
}

export function progressLine(run) {
  const p = run.progress;
  return `run ${run.id} · ${run.status} · ${p.answers} answers · ${p.traitsDone}/${p.traits} traits · ${Math.round(p.fraction * 100)}%`;
}
