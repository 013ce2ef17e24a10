export { summarize, finiteValues, DEFAULT_LEVEL, DEFAULT_RESAMPLES, type Summary, type BootstrapOptions } from "@/lib/probing/stats/summarize";
export { shift, type ShiftSummary } from "@/lib/probing/stats/shift";
export { correlationMatrix, correlationOf, pearson, withinItemMatrix, type CorrelationMatrix, type ScoreRow } from "@/lib/probing/stats/correlation";
export {
  landingTable, landingSummary, pairedShift, scoresByTrait, toSummary, type LandingRow, type LandingTableInput,
} from "@/lib/probing/stats/landing-table";
export { DEFAULT_FLOOR, type LandingOptions } from "@/lib/probing/stats/floor";
export {
  nextRequests, initialSampling, pickItems, fixedPlanRequests, fixedPlanCalls, DEFAULT_SAMPLING,
  type TraitSampling, type SamplingConfig, type SamplingPlan, type SampleRequest, type DoneReason,
} from "@/lib/probing/stats/adaptive";
