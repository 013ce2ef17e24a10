import type { TraitSampling } from "@/lib/probing/stats/adaptive";

// Which traits of an arm may stop on the all-items shift (stats/adaptive.ts),
// with that shift's evidence attached: in the persona arm the untargeted traits
// (leakage reads the shift), in the baseline arm every trait — the baseline is
// the reference the shifts are measured from and its own landings are context
// (bench/efficiency.ts: about a fifth of a fresh run's calls saved; a targeted
// trait's baseline landing then rests on its first 6+ items). "untargeted"
// keeps the targeted traits' ±target baseline landing. Other arms: none.
// `leak` marks the leakage family (untargeted), whose undecided leaks keep asking;
// `side` says which of the two arms this is (the planner completes the other arm's unpaired items).
// One rule for the worker (lib/jobs/sampling-state.ts) and the estimate (estimate.ts).

/** A trait's planner state with its score on every answer of the arm, by item id (`trait#index`). */
export type ArmTraitState = { key: string; all: Record<string, number[]> };

export const BASELINE_SHIFT_STOP: "every trait" | "untargeted" = "every trait";

export function plannerStateFor<S extends ArmTraitState>(
  kind: string, states: Readonly<Record<string, readonly S[]>>, targets: Readonly<Record<string, unknown>>,
  options: { baseline: "every trait" | "untargeted" } = { baseline: BASELINE_SHIFT_STOP },
): TraitSampling[] {
  const persona = states.persona ?? [], baseline = states.baseline ?? [];
  return states[kind].map((s) => {
    const untargeted = !(s.key in targets);
    const eligible = (kind === "persona" && untargeted) || (kind === "baseline" && (untargeted || options.baseline === "every trait"));
    const p = persona.find((x) => x.key === s.key), b = baseline.find((x) => x.key === s.key);
    return eligible && p && b ? { ...s, shiftEvidence: { persona: p.all, baseline: b.all, leak: untargeted, side: kind as "persona" | "baseline" } } : s;
  }) as unknown as TraitSampling[];
}
