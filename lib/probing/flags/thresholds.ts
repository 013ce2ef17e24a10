// Flag thresholds. The report prints them with their rationale, so a designer
// can see exactly what "falls short" or "leaked" meant for their run.

export type Thresholds = {
  highTarget: number;
  tolerance: number;
  leakageShift: number;
  leakageQ: number;
  leakageNegligible: number;
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
  leakageShift: 5,
  leakageQ: 0.05,
  leakageNegligible: 2,
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
    rationale: "Two steps of a 5-point scale: a gap a reader of the answers would notice; smaller gaps are within judge-to-judge disagreement. A landing is judged against the instruction its target compiles to (targets 85 and 100 both say \"always\", so the window is 85–100 widened by the tolerance), not the number. A miss or overshoot needs the landing's whole 95% interval outside that window; an interval that reaches it is \"not clearly off target\". When a range check shows that even the model's strongest instruction lands short, a miss there is \"beyond reach\": a warning, not an alert.",
  },
  leakageShift: {
    label: "Smallest shift that counts (leakage, compromise), and the \"no leakage\" margin (points)",
    rationale: "Leakage reads the shift over all the run's items (every answer is judged on every watched trait), paired by item: with 16 traits that is 300–500 items and an interval of about ±2. A leak must be at least 5 points: half the tolerance and the precision the planner aims a landing at, so a smaller drift cannot show in the landings the designer reads. A true 10-point leak on a trait's own items is about 8 points over all items (items written for other traits leave it less room) and clears 5 nearly always; a persona whose true shifts stay under 2 points would need its shift to clear the negligible band's test as well as q ≤ 0.05, which holds at the q level however precise the shift. \"No leakage\" is said only when an equivalence test (TOST, 90% interval) puts the shift within ±5; otherwise the report says there is not enough evidence either way. The same 5 points is the smallest drop a compromise needs: each trait of the pair at least 5 points lower together than alone (its control arm), with the whole interval below 0. A 2–3 point dip can be real and still nothing a designer should act on — smaller than the judge's rounding and well inside the tolerance — so it is \"no evidence of compromise\" once a 5-point drop is excluded, and \"not enough evidence\" until then.",
  },
  leakageQ: {
    label: "Leakage: false-discovery rate (Benjamini–Hochberg q)",
    rationale: "Every untargeted watched trait's shift from baseline is tested against the negligible band below; with 8–24 tests, some clear by chance alone. A shift counts only when its Benjamini–Hochberg q-value across the run's untargeted traits is at most 0.05 and it is at least the smallest shift above: when the persona moves nothing, at most about 1 run in 20 shows a false leak, and in the calibration harness far fewer.",
  },
  leakageNegligible: {
    label: "Leakage: a shift this small is negligible (the test's null, points)",
    rationale: "The leakage test asks whether the shift is clearly larger than 2 points, not merely different from 0: a prompt nudges many traits by a point or two, and with enough items a test of \"no shift at all\" finds every one of them. Testing against ±2 keeps false alarms at the q level however many items a run asks, so the planner can stop a trait once its shift is known to ±5. A leak is flagged when this test clears q ≤ 0.05 and the shift is at least 5 points.",
  },
  tensionR: {
    label: "Tension: within-item correlation, persona − baseline, below",
    rationale: "Correlations are taken within items (each answer minus its item's means), so items written to give one trait room cannot fake a trade-off, and relative to the neutral assistant on the same items, since some pairs trade off for any persona. A trade-off tension needs the whole 95% interval of that difference below −0.3: the persona makes the pair pull against each other clearly more than the model does anyway.",
  },
  minCorrelationN: {
    label: "Fewest answers within items for a correlation to count",
    rationale: "A within-item correlation needs answers to items asked more than once; below 10 such answers r swings too much by chance to mean anything.",
  },
  reinforcingR: {
    label: "Reinforcing pair: within-item correlation at or above",
    rationale: "Pairs the trait library calls reinforcing, and pairs whose answers rise and fall together (within-item r ≥ 0.3), get no tension or pull-apart flag: when both miss, they are reported as two misses.",
  },
  tensionShortfall: {
    label: "Trade-off tension: smallest average shortfall (points)",
    rationale: "A trade-off only matters when it costs a target: the pair must land at least 3 points below target on average, with an interval above 0. A coherent character (a triage nurse, kind in one answer and firm in the next) shows the same trade-off and no flag.",
  },
  alertFactor: {
    label: "Alert at this multiple of a threshold",
    rationale: "Twice the threshold (a 20-point miss, a 10-point leak) is an alert; between one and two times, a warning.",
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
