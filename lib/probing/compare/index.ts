export { compareLandings, type LandingSide } from "@/lib/probing/compare/compare-landings";
export type {
  Gap, LandingComparison, LandingDeltaRow, LandingFlagChanges, LandingPoint, TowardTarget,
} from "@/lib/schemas/landing-compare";
export { rankVariants, type VariantInput } from "@/lib/probing/compare/rank-variants";
export {
  compareGaps, landingChange, rankByGap, traitItemScores, CLEAR_OPTIONS, MIN_ITEM_SD, MIN_WIN_DIFFERENCE, VARIANT_LEVEL,
  type GapComparison, type GapRanking, type GapVerdict, type LandingChange, type RunAnswer,
} from "@/lib/probing/compare/paired";
