// Flag thresholds. The report prints them with their rationale, so a designer
// can see exactly what "falls short" or "leaked" meant for their run.

export type Thresholds = {
  highTarget: number;
  tolerance: number;
  leakageShift: number;
  leakageQ: number;
  tensionR: number;
  minCorrelationN: number;
  reinforcingR: number;
  tensionShortfall: number;
  alertFactor: number;
  evidenceCount: number;
};

export const DEFAULT_THRESHOLDS: Readonly<Thresholds> = {
  highTarget: 65,
  tolerance: 10,
  leakageShift: 8,
  leakageQ: 0.05,
  tensionR: -0.3,
  minCorrelationN: 10,
  reinforcingR: 0.3,
  tensionShortfall: 3,
  alertFactor: 2,
  evidenceCount: 3,
};

export const THRESHOLD_INFO: Readonly<Record<keyof Thresholds, { label: string; rationale: string }>> = {
  highTarget: {
    label: "Targeted high",
    rationale: "A target of 65 or more is where the compiled prompt starts saying \"usually\"; below that a target is a preference, not a demand.",
  },
  tolerance: {
    label: "Tolerance around a target (points)",
    rationale: "Two steps of a 5-point scale: a gap a reader of the answers would notice; smaller gaps are within judge-to-judge disagreement.",
  },
  leakageShift: {
    label: "Leakage: smallest shift from baseline (points)",
    rationale: "A clear but smaller drift rarely changes how the persona reads; 8 sits just under the tolerance, so leakage shows before it would be a miss.",
  },
  leakageQ: {
    label: "Leakage: false-discovery rate (Benjamini–Hochberg q)",
    rationale: "Every untargeted watched trait is tested for a shift from baseline (paired by item); with 8–24 tests, some clear by chance alone. A shift counts only when its Benjamini–Hochberg q-value across the run's untargeted traits is at most 0.05 and it is at least the smallest shift above, so when the persona moves nothing, at most about 1 run in 20 shows a false leak.",
  },
  tensionR: {
    label: "Tension: answer-level correlation at or below",
    rationale: "At −0.3 the trade-off is visible answer by answer (more of one comes with less of the other), not just noise.",
  },
  minCorrelationN: {
    label: "Fewest answers for a correlation to count",
    rationale: "Below 10 answers r swings too much by chance to mean anything.",
  },
  reinforcingR: {
    label: "Reinforcing pair: correlation at or above",
    rationale: "Traits that rise and fall together are not in tension; when both miss, they are reported as two misses.",
  },
  tensionShortfall: {
    label: "Trade-off tension: smallest average shortfall (points)",
    rationale: "A trade-off only matters when it costs a target: the pair must land at least 3 points below target on average, with an interval above 0. A coherent character (a triage nurse, kind in one answer and firm in the next) shows the same negative r and no flag.",
  },
  alertFactor: {
    label: "Alert at this multiple of a threshold",
    rationale: "Twice the threshold (a 20-point miss, a 16-point leak) is an alert; between one and two times, a warning.",
  },
  evidenceCount: {
    label: "Answers shown as evidence per flag",
    rationale: "Three answers are enough to see the pattern and few enough to read.",
  },
};

/** The thresholds in force, in display order, for the report. */
export function describeThresholds(overrides: Partial<Thresholds> = {}): { key: keyof Thresholds; label: string; value: number; rationale: string }[] {
  const values = { ...DEFAULT_THRESHOLDS, ...overrides };
  return (Object.keys(THRESHOLD_INFO) as (keyof Thresholds)[]).map((key) => ({ key, value: values[key], ...THRESHOLD_INFO[key] }));
}
