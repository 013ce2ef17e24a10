// The arms a probe run answers: the persona, the neutral baseline, and any
// extra arms stored on the run (ProbeRun.arms: single-trait controls "A alone",
// "B alone"; range-check levels). Each arm answers the same probe items under
// its own system prompt, with its own sampling state; ProbeAnswer.kind names it.

export const NEUTRAL_PROMPT = "You are a helpful assistant.";

export type ExtraArm = { kind: string; label: string; role: "control" | "level"; systemPrompt: string; traits?: string[]; level?: number };
export type RunArm = { kind: string; systemPrompt: string; traits: readonly string[] };

const RESERVED = new Set(["persona", "baseline"]);

/** Extra arms from the run's JSON; a malformed entry is skipped rather than failing the run. */
export function parseExtraArms(json: string | null | undefined): ExtraArm[] {
  let raw: unknown;
  try {
    raw = JSON.parse(json || "[]");
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  const seen = new Set<string>();
  const out: ExtraArm[] = [];
  for (const a of raw as Partial<ExtraArm>[]) {
    if (!a || typeof a.kind !== "string" || !a.kind || RESERVED.has(a.kind) || seen.has(a.kind)) continue;
    if (typeof a.systemPrompt !== "string") continue;
    seen.add(a.kind);
    out.push({
      kind: a.kind, label: typeof a.label === "string" ? a.label : a.kind, role: a.role === "level" ? "level" : "control",
      systemPrompt: a.systemPrompt, ...(Array.isArray(a.traits) ? { traits: a.traits.filter((t) => typeof t === "string") } : {}),
      ...(typeof a.level === "number" ? { level: a.level } : {}),
    });
  }
  return out;
}

/** Persona first, then baseline, then the extra arms; an arm's traits default to every watched trait. */
export function runArms(run: { systemPrompt: string; arms?: string | null }, watched: readonly string[]): RunArm[] {
  return [
    { kind: "persona", systemPrompt: run.systemPrompt, traits: watched },
    { kind: "baseline", systemPrompt: NEUTRAL_PROMPT, traits: watched },
    ...parseExtraArms(run.arms).map((a) => ({
      kind: a.kind, systemPrompt: a.systemPrompt, traits: a.traits ? watched.filter((k) => a.traits!.includes(k)) : watched,
    })),
  ];
}
