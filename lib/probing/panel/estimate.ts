import type { PanelRunEstimate } from "@/lib/schemas/panel-run";

// Size of a panel probe before it starts (POST …/panels/{id}/runs/estimate).
// Pure arithmetic: a panel probe has no early stop (every member answers the
// same items), so the count is fixed but for retries and the cache.
//
// - A member run asks watchedTraits × itemsPerTrait library items plus the
//   panel's questions, one answer each, in its persona arm; each answer is one
//   target call and one judge call (judged on every watched trait at once).
// - Baselines: each member run also has a baseline arm, but the baseline on a
//   seat asks identical requests whoever the member is, so the identical-call
//   cache answers all but the first: one baseline arm per distinct seat.
// - The same member on the same seat in two arms (a ceiling experiment where
//   the routed plan keeps a member's seat) repeats its requests: the second
//   member run is all reused.
// - Blind distinguishability: per arm, every pair of members, answersPerPair
//   judge calls.
// - Already cached (earlier probes of the same members): the service hashes the
//   requests it would send and passes how many the cache holds, per member run
//   (`cachedCalls[memberRunKey(arm, member)]`), per baseline seat and for the
//   distinguishability pass; they count in `reused`, not in `calls`.
// - low = expected = the calls left; high adds a retry allowance (10%: an
//   unscored answer is asked again once, as the worker does).
// Cost is not priced here: the service prices `calls` with the seats' prices.

export const PANEL_RETRY_ALLOWANCE = 0.1;
export const CALLS_PER_ANSWER = 2;

export type PanelEstimateInput = {
  arms: readonly string[];
  /** Each member's seat per arm, as a key the service chooses (e.g. `${providerId}/${model}`): equal keys = identical requests. */
  members: readonly { key: string; seats: Readonly<Record<string, string>> }[];
  watchedTraits: number;
  itemsPerTrait: number;
  /** The panel's own questions (asked once each, in every arm). */
  questions: number;
  answersPerPair: number;
  /** Calls (answer + judge) of a member run's persona arm the cache already holds, keyed by memberRunKey(arm, member). */
  cachedCalls?: Readonly<Record<string, number>>;
  /** Calls of the baseline arm on a seat (keyed by seat key) the cache already holds. */
  cachedBaselineCalls?: Readonly<Record<string, number>>;
  /** Distinguishability judge calls the cache already holds. */
  cachedDistinguishCalls?: number;
  retryAllowance?: number;
  /** Hard cap on calls for the whole probe: calls never exceed it. */
  maxCalls?: number | null;
};

export const memberRunKey = (arm: string, member: string) => `${arm}:${member}`;

/** The blind judgments a panel probe plans at most: answers per pair × arms × k(k − 1)/2 pairs (fewer when members share fewer items). */
export const distinguishJudgments = (members: number, arms: number, answersPerPair: number): number =>
  answersPerPair * arms * (members * (members - 1)) / 2;

/** The counts behind the estimate, so the service can price target, judge and distinguishability calls apart. */
export type PanelCallCounts = {
  memberRuns: number;
  /** Answers per member run (library items + questions). */
  answersPerRun: number;
  /** Persona-arm answers over all member runs. */
  answers: number;
  baselineSeats: number;
  /** Calls that will reach a provider (before retries), by kind: target answers, judge verdicts (member runs and baselines), distinguishability. */
  uncached: { answer: number; judge: number; distinguish: number };
  reused: number;
  distinguishCalls: number;
};

const clampInt = (v: number | undefined, max: number) => Math.max(0, Math.min(max, Math.floor(v ?? 0)));

export function panelCallCounts(input: PanelEstimateInput): PanelCallCounts {
  for (const [name, v] of Object.entries({ watchedTraits: input.watchedTraits, itemsPerTrait: input.itemsPerTrait, questions: input.questions, answersPerPair: input.answersPerPair })) {
    if (!(Number.isInteger(v) && v >= 0)) throw new RangeError(`${name} must be a whole number ≥ 0`);
  }
  const answersPerRun = input.watchedTraits * input.itemsPerTrait + input.questions;
  const perRun = answersPerRun * CALLS_PER_ANSWER;
  let uncachedRunCalls = 0, reused = 0, memberRuns = 0;
  const seen = new Set<string>();
  const seats = new Set<string>();
  for (const arm of input.arms) {
    for (const m of input.members) {
      const seat = m.seats[arm];
      if (seat === undefined) continue;
      memberRuns++;
      seats.add(seat);
      const identity = `${m.key}\u241f${seat}`;
      if (seen.has(identity)) { reused += perRun; continue; }
      seen.add(identity);
      const cached = clampInt(input.cachedCalls?.[memberRunKey(arm, m.key)], perRun);
      reused += cached;
      uncachedRunCalls += perRun - cached;
    }
  }
  let uncachedBaseline = 0;
  for (const seat of seats) {
    const cached = clampInt(input.cachedBaselineCalls?.[seat], perRun);
    reused += cached;
    uncachedBaseline += perRun - cached;
  }
  const distinguishCalls = input.arms.reduce((s, arm) => s + distinguishJudgments(input.members.filter((m) => m.seats[arm] !== undefined).length, 1, input.answersPerPair), 0);
  const cachedDistinguish = clampInt(input.cachedDistinguishCalls, distinguishCalls);
  reused += cachedDistinguish;
  const answerAndJudge = uncachedRunCalls + uncachedBaseline;
  return {
    memberRuns, answersPerRun, answers: memberRuns * answersPerRun, baselineSeats: seats.size,
    // Half of every answer's calls is the target call, half the judge call (cached together: a cached answer's verdict is cached too).
    uncached: { answer: Math.ceil(answerAndJudge / 2), judge: Math.floor(answerAndJudge / 2), distinguish: distinguishCalls - cachedDistinguish },
    reused, distinguishCalls,
  };
}

export function panelRunEstimate(input: PanelEstimateInput): Omit<PanelRunEstimate, "costUsd"> {
  const c = panelCallCounts(input);
  const base = c.uncached.answer + c.uncached.judge + c.uncached.distinguish;
  const cap = (v: number) => (input.maxCalls != null ? Math.min(input.maxCalls, v) : v);
  const high = base + Math.ceil(base * (input.retryAllowance ?? PANEL_RETRY_ALLOWANCE));
  return {
    memberRuns: c.memberRuns,
    answers: c.answers,
    calls: { low: cap(base), expected: cap(base), high: cap(high) },
    reused: c.reused,
    distinguishCalls: c.distinguishCalls,
  };
}
