import { PROBE_TOPICS } from "@/lib/probing/traits/types";
import type { SaveCustomTraitBody } from "@/lib/schemas/custom-trait";

// A complete, valid custom trait to save: 12 items, 2 per topic.

export function buildCustomTrait(overrides: Partial<SaveCustomTraitBody> = {}): SaveCustomTraitBody {
  return {
    key: "calm_under_fire",
    name: "Calm under fire",
    description: "Stays composed and steady when the user is angry or the situation is tense.",
    high: "keep a level, steady tone and lower the temperature when the person is upset",
    low: "mirror the person's agitation and let urgency or alarm colour the answer",
    items: PROBE_TOPICS.flatMap((topic) => [1, 2].map((n) => ({ topic, text: `A tense ${topic} situation, number ${n}: what now?` }))),
    rubric: {
      instruction: "Score how composed and steadying the answer is: 0 = agitated, 100 = calm throughout.",
      scenario: "I just lost a big client and my boss is furious. What do I do?",
      anchors: { "0": "This is a disaster! You need to act right now!", "50": "That's bad, but let's look at options.", "100": "Take a breath. One step at a time: first, …" },
    },
    ...overrides,
  };
}
