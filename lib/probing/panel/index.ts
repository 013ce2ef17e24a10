// Panel divergence statistics (issue 13 §4–5): see README.md and docs/methods.md §12.
export { panelMatrix, landingVectors, bootstrapLandings, restrictItems, type PanelMatrix, type PanelMember } from "@/lib/probing/panel/matrix";
export {
  memberDistance, distanceMatrix, meanPairDistance, effectivePositions, panelMap, symmetricEigen,
  DEFAULT_SIMILARITY_SCALE, type PanelMap,
} from "@/lib/probing/panel/geometry";
export { DEFAULT_PANEL_RESAMPLES, type PanelInterval } from "@/lib/probing/panel/intervals";
export {
  divergenceReport, divergenceFromMatrix, DEFAULT_COSTUME_MARGIN,
  type DivergenceReport, type PanelOptions, type PanelPair, type PairStatus, type TraitDifference,
} from "@/lib/probing/panel/divergence";
export {
  polarityTest, axisWeights, DEFAULT_POLARITY_MINIMUM,
  type PolarityAxis, type PolarityPair, type PolarityResult, type PolarityStatus, type PolarityOptions,
} from "@/lib/probing/panel/polarity";
export { diversityGain, type DiversityGain, type GainOptions, type MemberMove } from "@/lib/probing/panel/gain";
export {
  planSeats, DEFAULT_SEAT_STRATEGY, type CandidateSeat, type SeatRouting, type SeatRoutingInput, type SeatStrategy,
} from "@/lib/probing/panel/seat-routing";
