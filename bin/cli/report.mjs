// Pure formatting of a probe run for the terminal: the compact table, the flags
// list and which flags match --fail-on. No I/O here, so it reads like the report.

import { capLine, usageLine } from "./usage.mjs";

export const FLAG_KINDS = ["tension", "compromise", "leakage", "miss", "overshoot"];

/** "tension,leakage" | "any" | "none" → the flag kinds that fail the check. Throws on an unknown kind. */
export function parseFailOn(value) {
  const text = value.trim().toLowerCase();
  if (text === "none" || text === "") return [];
  if (text === "any") return [...FLAG_KINDS];
  const kinds = [...new Set(text.split(",").map((s) => s.trim()).filter(Boolean))];
  const unknown = kinds.filter((k) => !FLAG_KINDS.includes(k));
  if (unknown.length) throw new Error(`--fail-on: unknown flag kind "${unknown.join(", ")}"; use ${FLAG_KINDS.join(", ")}, any or none`);
  return kinds;
}

export const matchingFlags = (run, kinds) => run.report.flags.filter((f) => kinds.includes(f.kind));

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

/** Columns padded to their widest cell; numbers right-aligned. */
function align(rows, right) {
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
  const rows = flags.map((f) => [`  ${f.severity}`, f.expected ? "leakage (came with the character type)" : f.kind, f.title]);
  return `${top}Flags (${flags.length}):\n${align(rows, [false, false, false])}`;
}

/** One line saying whether the check passed, and which flags failed it. */
export function verdict(matched, kinds) {
  if (kinds.length === 0) return "✓ Not checking flags (--fail-on none).";
  const rule = kinds.length === FLAG_KINDS.length ? "any" : kinds.join(",");
  if (matched.length === 0) return `✓ No flags of the kinds in --fail-on ${rule}.`;
  const which = matched.map((f) => `${f.kind} (${f.traits.join(", ")})`).join("; ");
  return `✗ ${matched.length} flag${matched.length === 1 ? " matches" : "s match"} --fail-on ${rule}: ${which}`;
}

export function progressLine(run) {
  const p = run.progress;
  return `run ${run.id} · ${run.status} · ${p.answers} answers · ${p.traitsDone}/${p.traits} traits · ${Math.round(p.fraction * 100)}%`;
}
