export { clamp, fmt, signed, intervalText, formatR, shiftText, thresholdValue } from "@/lib/probing/chart-prep/format";
export { radarRows, radarCompareRows, type RadarRow, type RadarCompareRow } from "@/lib/probing/chart-prep/radar";
export { intervalRows, type IntervalRow, type Verdict } from "@/lib/probing/chart-prep/interval-bars";
export { pairScatter, meanInterval, jitter, type PairScatter, type ScatterPoint, type AxisSummary } from "@/lib/probing/chart-prep/scatter";
export { heatmap, divergingColor, inkFor, type Heatmap, type HeatCell } from "@/lib/probing/chart-prep/heatmap";
export { defaultPair } from "@/lib/probing/chart-prep/pair";
export { compareReports, type RunComparison, type TraitDelta, type FlagChanges } from "@/lib/probing/chart-prep/compare";
