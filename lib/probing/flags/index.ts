export { computeFlags } from "@/lib/probing/flags/compute-flags";
export { DEFAULT_THRESHOLDS, THRESHOLD_INFO, describeThresholds, type Thresholds } from "@/lib/probing/flags/thresholds";
export { evidenceFor, byDistance, byJointShortfall, byOpposedMovement, byWinnerOverLoser, type AnswerRank } from "@/lib/probing/flags/evidence";
export { pairShortfall } from "@/lib/probing/flags/pair-flags";
export type { Flag, FlagKind, Severity, FlagTrait, AnswerScores, FlagInput } from "@/lib/probing/flags/types";
