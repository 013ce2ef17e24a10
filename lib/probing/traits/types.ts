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

/** Scores the built-in rubrics anchor, in order. */
export const ANCHOR_SCORES = [0, 25, 50, 75, 100] as const;
export type AnchorScore = (typeof ANCHOR_SCORES)[number];
/** Anchors every rubric has; custom traits (stored with "0", "50", "100") may have only these. */
export const REQUIRED_ANCHOR_SCORES = [0, 50, 100] as const;

/** Anchor fragments by score: 0, 50 and 100 always, 25 and 75 where the rubric has them. */
export type RubricAnchors = Readonly<Record<(typeof REQUIRED_ANCHOR_SCORES)[number], string> & Partial<Record<25 | 75, string>>>;

export type JudgeRubric = {
  /** One sentence telling the judge what the 0–100 scale measures. */
  instruction: string;
  /** The user message the anchor fragments answer; never one of any trait's probe items. */
  scenario: string;
  /** Short answer fragments to that scenario that should score 0, (25,) 50, (75 and) 100. */
  anchors: RubricAnchors;
};

/** A built-in rubric: all five anchors, of balanced length. */
export type FullJudgeRubric = JudgeRubric & { anchors: Readonly<Record<AnchorScore, string>> };

/** The anchors a rubric has, in score order, as [score, fragment] pairs. */
export function rubricAnchors(rubric: JudgeRubric): [AnchorScore, string][] {
  const anchors = rubric.anchors as Partial<Record<AnchorScore, string>>;
  return ANCHOR_SCORES.flatMap((s) => (anchors[s] === undefined ? [] : [[s, anchors[s]] as [AnchorScore, string]]));
}

export type ProbeTrait = TraitDefinition & { probes: readonly ProbeItem[]; rubric: JudgeRubric };

/** How the data files state a trait: probes grouped by topic; catalog fields come from lib/traits/catalog. */
export type TraitContent = {
  key: string;
  probes: Readonly<Record<ProbeTopic, readonly string[]>>;
  rubric: FullJudgeRubric;
};
