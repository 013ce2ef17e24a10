import { fnv1a32 } from "@/lib/probing/traits/hash";
import type { JudgeRubric, ProbeTopic, ProbeTrait } from "@/lib/probing/traits/types";

// A workspace's custom trait as the probe pipeline sees it: the same shape as a
// built-in library trait, so items, judge rubric and report treat both alike.
// A run freezes these definitions (with the custom trait's version) at creation,
// so editing the trait later never changes what an old run measured.

export type CustomTraitInput = {
  key: string;
  version: number;
  name: string;
  description: string;
  high: string;
  low: string;
  items: readonly { topic: ProbeTopic; text: string }[];
  rubric: JudgeRubric;
};

export type FrozenCustomTrait = ProbeTrait & { custom: true; version: number };

export function customProbeTrait(t: CustomTraitInput): FrozenCustomTrait {
  return {
    key: t.key, name: t.name, description: t.description, high: t.high, low: t.low,
    probes: t.items.map((item) => ({ id: `${t.key}/${fnv1a32(item.text)}`, traitKey: t.key, topic: item.topic, text: item.text })),
    rubric: { instruction: t.rubric.instruction, scenario: t.rubric.scenario, anchors: { ...t.rubric.anchors } },
    custom: true,
    version: t.version,
  };
}
