// Which analysis produced a stored report. A completed run's report is computed
// once and stored under METHOD_VERSION (lib/services/probes/stored-report.ts);
// when the analysis changes what a report says — an interval, a flag rule, a new
// field the UI reads — bump METHOD_VERSION and add a line below. Old reports stay
// as they were computed; re-analysing a run with the new method is an explicit
// action that keeps the old analysis beside the new one.

export type MethodVersionNote = { version: string; summary: string };

/** Oldest first. The last entry is the method the code computes today. */
export const METHOD_CHANGELOG: readonly MethodVersionNote[] = [
  {
    version: "2026-11-answers-v0",
    summary: "Answers resampled as independent (bootstrap); unpaired shift; leakage on each trait alone. Never stored — listed so older exports can be read.",
  },
  {
    version: "2026-12-items-v1",
    summary: "Items are the unit: landing = mean of item means with a t-interval over items and a variance floor; shift paired by item; leakage needs Benjamini–Hochberg q ≤ 0.05 and |shift| ≥ 8.",
  },
  {
    version: "2026-12-instrument-v2",
    summary: "Empty, cut-short and refused answers are not scored (their rate is reported); leakage pairs persona and baseline over every item of the run (BH q ≤ 0.05 and |shift| ≥ 5, TOST behind 'no leakage'); miss/overshoot judged with the whole interval against the instructed range (and the achievable range of a range check); tension from within-item correlations relative to the baseline; 'compromise' only from control arms; judge reliability (test–retest ICC, panel α); paired comparisons with 'no clear winner'.",
  },
  {
    version: "2026-12-instrument-v3",
    summary: "Leakage tests the shift against a negligible ±2 points (a minimum-effect test), not against 0, before Benjamini–Hochberg: a precise small drift is no longer a leak candidate, so the planner stops a shift at ±5 instead of ±3 (and pursues an undecided shift of 7.5+ points to ±2.5); the baseline arm stops every trait on the shift.",
  },
  {
    version: "2026-12-actionable-v4",
    summary: "A verdict line on top names the main issue (a targeted trait's tension, compromise, miss, overshoot or beyond-reach finding — alerts first, largest gap from target first; leakage only when nothing targeted is off, grouped; 'not enough evidence yet' while partial). A leak that a reinforcing relation with a targeted trait pushed the same way implies (warm rising with empathetic targeted high) is reported as 'came with the character type' with the relation as its reason, a warning at most; the leakage test itself is unchanged.",
  },
  {
    version: "2026-12-scenarios-v5",
    summary: "Landing in the persona's domain: the persona's scenarios (frozen into the run) are asked once each in the persona and baseline arms and judged on every watched trait; the report adds, per trait, the landing over those scenarios (mean over these scenarios, t-interval over scenarios with the usual variance floor), its shift from baseline paired by scenario, and general vs scenarios (Welch's interval; 'clearly different' when it excludes 0 and the gap is at least 5 points). Scenario answers never enter the library landings, leakage, correlations or flags.",
  },
  {
    version: "2026-12-checks-v6",
    summary: "Checks beside the rubric: a scenario's deterministic checks (contains, does not contain, regex, max length, asks a question) are graded on its scored answers in the persona and baseline arms (empty, refused and cut-short answers are not graded); the report adds the pass rate over every (answer, check) pair with Wilson's 95% interval, per arm, and one row per (scenario, check) with the persona answers that failed it. Nothing else in the report changes.",
  },
  {
    version: "2026-12-pairs-v7",
    summary: "The planner completes pairs: when an all-items shift still needs pairs, an arm first asks the items the other arm has answered and it has not (one answer makes a pair — mostly the baseline answering the targeted traits' items, which the persona asks anyway for their landings) and counts the other arm's unpaired answers as pairs on their way, before asking new items in both arms. Same stopping rules and intervals; which items a run asks changes, the analysis of stored answers does not.",
  },
  {
    version: "2026-12-pressure-v8",
    summary: "Under pressure, in its own words, and how it is asked (issue 14): a run with pressure conversations reports drift per turn (t-intervals over conversations), the mean per-conversation slope and change, turns-to-break as a Kaplan–Meier curve, and 'caves under pressure' (alert) / 'drifts back to the assistant' (warn) flags, BH across the tested traits; self-ratings beside the measured landing with a Welch interval and 'says but doesn't do' / 'does but doesn't say' flags (beyond ±10 points); the requested-wording arm's leakage beside the nature wording's, paired by item. Pressure turns and self-ratings never enter a landing, shift, correlation or the persona arm's counts; the verdict line ranks caves and says-not-does after targeted-trait findings, drifts-back and does-not-say after unexpected leakage.",
  },
];

export const METHOD_VERSION: string = METHOD_CHANGELOG[METHOD_CHANGELOG.length - 1].version;

/** Position in the changelog (newer = higher); a version the code does not know ranks below all known ones. */
export function methodRank(version: string): number {
  return METHOD_CHANGELOG.findIndex((m) => m.version === version);
}

/** Newest method first; ties (and unknown versions) newest computation first. */
export function byNewestMethod<T extends { methodVersion: string; computedAt: Date | string }>(a: T, b: T): number {
  return methodRank(b.methodVersion) - methodRank(a.methodVersion) || new Date(b.computedAt).getTime() - new Date(a.computedAt).getTime();
}
