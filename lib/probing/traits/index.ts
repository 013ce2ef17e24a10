export { PROBE_TRAITS, probeTrait, libraryVersion, TRAIT_LIBRARY_VERSION } from "@/lib/probing/traits/library";
export { TRAIT_RELATIONS, NEUTRAL_REASON, relationOf, relatedTraits, type TraitRelation, type TraitRelationKind } from "@/lib/probing/traits/relations";
export { fnv1a32, canonicalJson } from "@/lib/probing/traits/hash";
export {
  PROBE_TOPICS,
  ANCHOR_SCORES,
  REQUIRED_ANCHOR_SCORES,
  rubricAnchors,
  type ProbeTopic,
  type ProbeItem,
  type AnchorScore,
  type JudgeRubric,
  type FullJudgeRubric,
  type RubricAnchors,
  type ProbeTrait,
  type TraitContent,
} from "@/lib/probing/traits/types";
export { customProbeTrait, type CustomTraitInput, type FrozenCustomTrait } from "@/lib/probing/traits/custom";
