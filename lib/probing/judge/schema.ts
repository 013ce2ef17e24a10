import type { ProbeTrait } from "@/lib/probing/traits/types";

// The structured-output schema of one judge call: every watched trait under
// `scores` (integer 0–100, or null for "not applicable"), plus a refusal flag.
// Strict-mode compatible: every property required, no additional properties.

export const JUDGE_SCHEMA_NAME = "trait_scores";

function scoreDescription(t: ProbeTrait): string {
  return `${t.name}. 0 = ${t.low}; 100 = ${t.high}. null if the answer gives this trait no room to show.`;
}

/** `traits` in the (shuffled) order the judge should see them. */
export function judgeSchema(traits: readonly ProbeTrait[]): Record<string, unknown> {
  return {
    type: "object",
    additionalProperties: false,
    required: ["scores", "refusal"],
    properties: {
      scores: {
        type: "object",
        additionalProperties: false,
        required: traits.map((t) => t.key),
        properties: Object.fromEntries(
          traits.map((t) => [t.key, { type: ["integer", "null"], minimum: 0, maximum: 100, description: scoreDescription(t) }]),
        ),
      },
      refusal: { type: "boolean", description: "true if the answer declines to do what the user asked." },
    },
  };
}
