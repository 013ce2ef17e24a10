import type { TraitDefinition } from "@/lib/traits/catalog";

// Shapes of the probe trait library. Pure data types, safe on client and server.

/**
 * Topics the probe items are spread across, so a trait is not measured on one
 * kind of conversation only. "health" means health-adjacent but safe: sleep,
 * exercise, food habits, stress — never a medical emergency.
 */
export const PROBE_TOPICS = ["work", "health", "money", "relationships", "tech", "learning"] as const;
export type ProbeTopic = (typeof PROBE_TOPICS)[number];

/** One user message that gives a trait room to show. */
export type ProbeItem = {
  /** `<trait key>/<hash of the text>`: stable under reordering, new when the text changes. */
  id: string;
  traitKey: string;
  topic: ProbeTopic;
  text: string;
};

export const ANCHOR_SCORES = [0, 50, 100] as const;
export type AnchorScore = (typeof ANCHOR_SCORES)[number];

export type JudgeRubric = {
  /** One sentence telling the judge what the 0–100 scale measures. */
  instruction: string;
  /** The user message the anchor fragments answer. */
  scenario: string;
  /** A short answer fragment that should score 0, 50 and 100. */
  anchors: Readonly<Record<AnchorScore, string>>;
};

export type ProbeTrait = TraitDefinition & { probes: readonly ProbeItem[]; rubric: JudgeRubric };

/** How the data files state a trait: probes grouped by topic; catalog fields come from lib/traits/catalog. */
export type TraitContent = {
  key: string;
  probes: Readonly<Record<ProbeTopic, readonly string[]>>;
  rubric: JudgeRubric;
};
