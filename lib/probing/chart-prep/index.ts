export { clamp, fmt, signed, intervalText, formatR, shiftText, thresholdValue } from "@/lib/probing/chart-prep/format";
export { radarRows, radarCompareRows, type RadarRow, type RadarCompareRow } from "@/lib/probing/chart-prep/radar";
export { intervalRows, type IntervalRow, type Verdict } from "@/lib/probing/chart-prep/interval-bars";
export { pairScatter, meanInterval, jitter, type PairScatter, type ScatterPoint, type AxisSummary } from "@/lib/probing/chart-prep/scatter";
export { heatmap, divergingColor, inkFor, type Heatmap, type HeatCell } from "@/lib/probing/chart-prep/heatmap";
export { defaultPair } from "@/lib/probing/chart-prep/pair";
export { compareReports, type RunComparison, type TraitDelta, type FlagChanges } from "@/lib/probing/chart-prep/compare";
// What the report's other parts show, for components (which import lib/probing only through here).
export { describeOutcomes, type OutcomeCounts } from "@/lib/probing/outcome";
export { controlPairs, type ControlPair } from "@/lib/probing/control-pairs";
export { DEFAULT_THRESHOLDS } from "@/lib/probing/flags/thresholds";
export { r2 } from "@/lib/probing/flags/format";
export { agreementOf, isSelfJudged, panelSentence, retestSentence, SELF_JUDGED_HINT, SELF_JUDGED_TEXT } from "@/lib/probing/judge-reliability";
export { groupFlags, LEAK_GROUP_TITLES, type FlagGroups } from "@/lib/probing/chart-prep/flag-groups";
export { checkRows, checkSummary, describeCheck, type CheckRow } from "@/lib/probing/chart-prep/checks";
export { shiftDirection, shortenAtWord } from "@/lib/probing/flags/acknowledge";
export { shortMessage } from "@/lib/probing/checks-report";
// The panel report (issue 13 §4–6) for components/panels/report.
export type { PanelReport, PanelArmReport, PanelFlag, PanelFlagKind, DistinguishPair } from "@/lib/probing/panel/report-types";
export type {
  DivergenceReport, PanelPair, PairStatus, TraitDifference, PolarityResult, PolarityStatus, DiversityGain, MemberMove, PanelInterval, PanelMap,
} from "@/lib/probing/panel";
export { DISTINGUISH_CHANCE, NOT_TOLD_APART_BELOW } from "@/lib/probing/panel/distinguish";
// Issue 14: pressure drift, turns-to-break (recomputed client-side at the designer's threshold), self-report gap, framing pair.
export {
  asConversations, changeText, chatTurns, conversationRows, defaultThreshold, driftChart, estText, FRAMING_VERDICT_TEXT, framingRows,
  leakageDomain, medianText, pressureTraits, SELF_REPORT_FLAG_TEXT, selfReportRows, slopeText, survivalView, wordingDiff, diffSide,
  type ChatTurn, type ConversationRow, type DiffPart, type DriftChart, type DriftPoint, type FramingRow, type SelfReportRow, type SurvivalView,
} from "@/lib/probing/chart-prep/pressure";
