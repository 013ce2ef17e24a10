import type { RunArm } from "@/lib/schemas/probe";

// The extra arms stored on a probe run (ProbeRun.arms): single-trait controls
// "A alone", "B alone" (role "control") and range-check levels (role "level").
// One parser for the worker, which answers them, and the report, which reads
// them; a malformed entry is skipped rather than failing the run or the report.

const RESERVED = new Set(["persona", "baseline"]);

/** The baseline arm's system prompt: the plain assistant every persona is compared against (also in promptfoo exports). */
export const NEUTRAL_PROMPT = "You are a helpful assistant.";

export function parseRunArmsWithPrompts(json: string | null | undefined): RunArm[] {
  let raw: unknown;
  try {
    raw = JSON.parse(json || "[]");
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  const seen = new Set<string>();
  const out: RunArm[] = [];
  for (const a of raw as Partial<RunArm>[]) {
    if (!a || typeof a.kind !== "string" || !a.kind || RESERVED.has(a.kind) || seen.has(a.kind)) continue;
    if (typeof a.systemPrompt !== "string") continue;
    seen.add(a.kind);
    out.push({
      kind: a.kind, label: typeof a.label === "string" ? a.label : a.kind, role: a.role === "level" || a.role === "framing" ? a.role : "control",
      systemPrompt: a.systemPrompt,
      ...(Array.isArray(a.traits) ? { traits: a.traits.filter((t): t is string => typeof t === "string") } : {}),
      ...(typeof a.level === "number" ? { level: a.level } : {}),
      ...(Array.isArray(a.without) ? { without: a.without.filter((t): t is string => typeof t === "string") } : {}),
    });
  }
  return out;
}
