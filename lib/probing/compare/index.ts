export { compareLandings, SAME_WITHIN } from "@/lib/probing/compare/compare-landings";
export type {
  LandingComparison, LandingDeltaRow, LandingFlagChanges, LandingPoint, TowardTarget,
} from "@/lib/schemas/landing-compare";
export { rankVariants, type VariantInput } from "@/lib/probing/compare/rank-variants";
