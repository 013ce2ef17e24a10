import { parseRunArmsWithPrompts } from "@/lib/probing/arms";
import { instructedRange } from "@/lib/persona/target-scale";
import { rangeSummary, type Reach } from "@/lib/probing/range";
import type { ArmSpec, JudgedAnswer } from "@/lib/probing/report";
import type { ItemScores } from "@/lib/probing/methods/items";
import type { RangeReport, RunArm } from "@/lib/schemas/probe";

// The run's extra arms as the report reads them (issue 11 §3, §5), and a range
// check's dose–response curve. buildReport (lib/probing/report.ts) does the
// rest in one pass: every targeted trait judged against the instruction
// actually given and the achievable range (the rows and the flags share that
// judgement), and control pairs with the one verdict the compromise flag reads.
// Pure: the same answers and context give the same report.

export type ArmView = Omit<RunArm, "systemPrompt">;

/** Extra arms from ProbeRun.arms, without their prompts (lib/probing/arms.ts: the worker's parser). */
export function parseRunArms(json: string | null | undefined): ArmView[] {
  return parseRunArmsWithPrompts(json).map(({ systemPrompt: _prompt, ...view }) => view);
}

/** The achievable range of a trait on a model, from a completed range check. */
export type Achievable = { lo: Reach; hi: Reach; runId: string };

/** A trait's own items' scores, grouped by item. */
function own(answers: readonly JudgedAnswer[], key: string): ItemScores {
  const out: Record<string, (number | null)[]> = {};
  for (const a of answers) if (a.traitKey === key) (out[String(a.itemIndex)] ??= []).push(a.scores[key] ?? null);
  return out;
}

/** A range check's dose–response curve from its level arms (null without them), in the stored report's shape. */
export function rangeCurve(
  arms: readonly ArmSpec[], armAnswers: Readonly<Record<string, readonly JudgedAnswer[]>>, baseline: readonly JudgedAnswer[], nameOf: (key: string) => string,
): RangeReport | null {
  const levels = arms.filter((a) => a.role === "level" && typeof a.level === "number");
  const trait = levels[0]?.traits?.[0];
  if (!trait) return null;
  const range = rangeSummary({
    trait, name: nameOf(trait),
    levels: levels.map((l) => ({ kind: l.kind, level: l.level!, instructed: instructedRange(l.level!), scores: own(armAnswers[l.kind] ?? [], trait) })),
    baseline: own(baseline, trait),
  });
  const fin = (x: number) => (Number.isFinite(x) ? x : null);
  return {
    ...range,
    levels: range.levels.map((l) => ({ ...l, landing: { ...l.landing, halfWidth: fin(l.landing.halfWidth) } })),
    baseline: { ...range.baseline, halfWidth: fin(range.baseline.halfWidth) },
  };
}
