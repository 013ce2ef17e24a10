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
export {
  distinguishPairs, binomialUpperTail, betaQuantile, clopperPearson, DISTINGUISH_CHANCE, NOT_TOLD_APART_BELOW,
  type DistinguishGuess, type DistinguishInput, type DistinguishOptions,
} from "@/lib/probing/panel/distinguish";
export {
  panelReport, jsonSafe, restrictMembers, COSTUME_ITEMS_NEEDED,
  type PanelReportInput, type PanelArmInput, type SpecPolarityPair,
} from "@/lib/probing/panel/panel-report";
export {
  panelRunEstimate, panelCallCounts, memberRunKey, PANEL_RETRY_ALLOWANCE, CALLS_PER_ANSWER,
  type PanelEstimateInput, type PanelCallCounts,
} from "@/lib/probing/panel/estimate";
export type { PanelReport, PanelArmReport, PanelFlag, PanelFlagKind, DistinguishPair } from "@/lib/probing/panel/report-types";
