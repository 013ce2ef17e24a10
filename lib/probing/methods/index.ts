// Item-level statistics for issue 11 (landing, paired shift, BH are wired; the rest not yet): see README.md.
export { itemGroups, scoresByItem, type ItemScores, type ItemAnswer, type ItemGroup } from "@/lib/probing/methods/items";
export { floorSe, applyFloor, roundingSd, type VarianceFloor } from "@/lib/probing/methods/variance-floor";
export {
  itemLandingT, itemLandingBootstrap, type ItemEstimate, type ItemIntervalOptions, type ItemBootstrapOptions,
} from "@/lib/probing/methods/item-landing";
export { pairedShiftT, pairedShiftBootstrap, pairItems, type PairedItemEstimate } from "@/lib/probing/methods/paired-shift";
export {
  withinItemCorrelation, withinItemCorrelationShift, type WithinCorrelation, type WithinCorrelationShift,
  type WithinCorrelationOptions,
} from "@/lib/probing/methods/within-item-correlation";
export { benjaminiHochberg, holm, adjustPValues, type Adjustment, type AdjustedDecisions } from "@/lib/probing/methods/multiplicity";
export {
  equivalenceTest, type EquivalenceDecision, type EquivalenceInput, type EquivalenceResult,
} from "@/lib/probing/methods/equivalence";
export {
  clearMove, pairedDifferences, rankContenders,
  type ClearMove, type ClearMoveOptions, type Contender, type PairComparison, type Ranking, type Verdict, type Better,
} from "@/lib/probing/methods/clear-move";
export {
  krippendorffAlpha, krippendorffAlphaInterval, testRetest, testRetestInterval, type AlphaResult, type Metric, type TestRetest,
} from "@/lib/probing/methods/reliability";
export { minimumEffectP, tCdf, tQuantile, twoSidedP } from "@/lib/probing/methods/t-distribution";
