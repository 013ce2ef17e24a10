import type { ModelChoice } from "@/components/preview/model-picker";
import type { CompareMode } from "@/components/preview/remembered-models";
import type { LaneInput } from "@/components/preview/use-live-answers";
import type { PersonaSpec } from "@/lib/schemas/persona";

// Same seed and temperature on every lane, so differences come from the
// persona or the model, not from sampling luck.
export const COMPARE_SEED = 7;
export const COMPARE_TEMPERATURE = 0.7;

/**
 * The two lanes of a comparison: the draft on model A, and beside it the pinned version on
 * model A ("version") or the draft on model B ("models"); no second lane in "draft" mode.
 * `sentSpec` is the draft as sent (scenario checks stripped: they grade, they are not asked).
 */
export function compareLanes(input: {
  mode: CompareMode; personaId: string; sentSpec: PersonaSpec; a: ModelChoice | null; b: ModelChoice | null; pinned: number | null;
}): { left: LaneInput; right: LaneInput } {
  const { mode, personaId, sentSpec, a, b, pinned } = input;
  const sampling = { temperature: COMPARE_TEMPERATURE, seed: COMPARE_SEED };
  const left: LaneInput = a ? { source: { kind: "spec", spec: sentSpec }, ...a, ...sampling } : null;
  const right: LaneInput =
    mode === "version" && a && pinned
      ? { source: { kind: "version", personaId, number: pinned }, ...a, ...sampling }
      : mode === "models" && b
        ? { source: { kind: "spec", spec: sentSpec }, ...b, ...sampling }
        : null;
  return { left, right };
}

/** The draft as the preview sends it: scenario checks grade finished answers, so editing one never re-asks the model. */
export function specToSend(spec: PersonaSpec): PersonaSpec {
  return { ...spec, scenarios: (spec.scenarios ?? []).map(({ checks: _checks, ...s }) => s) };
}
