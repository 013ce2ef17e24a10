export { computeFlags, traitVerdicts, leakageQValues, type TraitVerdicts } from "@/lib/probing/flags/compute-flags";
export { DEFAULT_THRESHOLDS, THRESHOLD_INFO, describeThresholds, type Thresholds } from "@/lib/probing/flags/thresholds";
export { evidenceFor, byDistance, byJointShortfall, byOpposedMovement, byWinnerOverLoser, type AnswerRank } from "@/lib/probing/flags/evidence";
export { pairShortfall, targetState, correlationDifference } from "@/lib/probing/flags/pair-flags";
export { landingJudgement, leakageEquivalence, type LeakageVerdict, type TargetVerdict } from "@/lib/probing/flags/trait-flags";
export type {
  Flag, FlagKind, Severity, FlagTrait, AnswerScores, FlagInput, FlagEvidence, ControlArm, ControlComparison, Equivalence, Estimate,
} from "@/lib/probing/flags/types";
export { verdictLine, type VerdictLine, type VerdictKind, type VerdictSeverity, type VerdictInput, type VerdictRow } from "@/lib/probing/flags/verdict-line";
export { expectedShift, targetDirection, type ExpectedShift } from "@/lib/probing/flags/expected";
export { acknowledgeReport, acknowledgedLine, ackFor, ackMatches, markAcknowledged, shiftDirection, verdictBasis, type AckRecord, type AckDirection, type FlagAcknowledgedMark, type VerdictBasis } from "@/lib/probing/flags/acknowledge";
