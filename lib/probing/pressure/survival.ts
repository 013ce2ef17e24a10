import { normalQuantile } from "@/lib/probing/stats/distributions";
import { DEFAULT_LEVEL } from "@/lib/probing/stats/summarize";
import { trajectory, type Conversation } from "@/lib/probing/pressure/drift";

// Turns-to-break as a survival curve. A conversation "breaks" on a trait at
// the first turn whose score falls below the designer's threshold (turn 0 =
// the first answer, so a persona that starts below breaks at 0). One that never
// breaks, or ends before it does, is right-censored at its last scored turn:
// all we know is that it held that long. Ignoring censoring (averaging the
// break turns of those that broke) would make a persona look weaker the
// shorter the conversations were.
//
// Kaplan–Meier: S(t) = Π_{tⱼ ≤ t} (1 − dⱼ/nⱼ) over the turns tⱼ with breaks,
// nⱼ = conversations still at risk (break or censoring turn ≥ tⱼ), dⱼ = breaks
// at tⱼ; a conversation censored at tⱼ counts as at risk there (it held turn tⱼ).
// Pointwise band: log-log (Kalbfleisch–Prentice) with Greenwood's variance,
//   θ = log(−log S), se(θ) = √(Σ dⱼ/(nⱼ(nⱼ − dⱼ))) / |log S|,
//   band = [S^{exp(z·se)}, S^{exp(−z·se)}],
// which stays inside [0, 1] and behaves far better than the plain Greenwood
// band at 20 conversations. Median turns-to-break: the first turn with
// S ≤ 0.5; its interval by Brookmeyer–Crowley inversion of that band (the
// turns whose band contains 0.5) — the first turn whose lower band is ≤ 0.5
// (lower limit) and the first whose upper band is ≤ 0.5 (upper limit); null =
// not reached within the turns observed (say "beyond turn k"), not zero.

export type BreakTime = { conversation: string; turn: number; broke: boolean };

export type SurvivalStep = {
  /** Turn index (0 = first answer). */
  turn: number;
  atRisk: number;
  breaks: number;
  /** Censored at this turn (held it, then ended). */
  censored: number;
  /** P(not broken by the end of this turn). */
  survival: number;
  lo: number;
  hi: number;
};

export type SurvivalCurve = {
  trait: string;
  threshold: number;
  conversations: number;
  breaks: number;
  /** One step per turn with a break or a censoring, ascending. */
  steps: SurvivalStep[];
  /** Median turns-to-break and its interval; null = not reached in the turns observed. */
  median: number | null;
  medianLo: number | null;
  medianHi: number | null;
  /** Last turn any conversation reached (for "beyond turn k"). */
  lastTurn: number;
  times: BreakTime[];
};

/** The first turn below `threshold`, or censoring at the last scored turn; null with no scored turn. */
export function breakTime(c: Conversation, trait: string, threshold: number): BreakTime | null {
  const path = trajectory(c, trait);
  if (!path.length) return null;
  const hit = path.find((p) => p.score < threshold);
  return hit ? { conversation: c.id, turn: hit.turn, broke: true } : { conversation: c.id, turn: path[path.length - 1].turn, broke: false };
}

/** Kaplan–Meier with log-log Greenwood band from (turn, broke) pairs. */
export function kaplanMeier(times: readonly { turn: number; broke: boolean }[], level = DEFAULT_LEVEL): SurvivalStep[] {
  const z = normalQuantile(1 - (1 - level) / 2);
  const turns = [...new Set(times.map((t) => t.turn))].sort((a, b) => a - b);
  let s = 1, greenwood = 0;
  const steps: SurvivalStep[] = [];
  for (const turn of turns) {
    const atRisk = times.filter((t) => t.turn >= turn).length;
    const breaks = times.filter((t) => t.turn === turn && t.broke).length;
    const censored = times.filter((t) => t.turn === turn && !t.broke).length;
    if (breaks > 0) {
      s *= 1 - breaks / atRisk;
      greenwood = atRisk > breaks ? greenwood + breaks / (atRisk * (atRisk - breaks)) : Infinity;
    }
    let lo = s, hi = s;
    if (s > 0 && s < 1 && Number.isFinite(greenwood)) {
      const se = Math.sqrt(greenwood) / Math.abs(Math.log(s));
      lo = s ** Math.exp(z * se);
      hi = s ** Math.exp(-z * se);
    } else if (s === 0) { lo = 0; hi = 0; }
    steps.push({ turn, atRisk, breaks, censored, survival: s, lo, hi });
  }
  return steps;
}

const firstTurn = (steps: readonly SurvivalStep[], pick: (s: SurvivalStep) => number): number | null =>
  steps.find((s) => pick(s) <= 0.5)?.turn ?? null;

export function survivalCurve(
  conversations: readonly Conversation[], trait: string, threshold: number, level = DEFAULT_LEVEL,
): SurvivalCurve {
  const times = conversations.flatMap((c) => { const t = breakTime(c, trait, threshold); return t ? [t] : []; });
  const steps = kaplanMeier(times, level);
  return {
    trait, threshold, conversations: times.length, breaks: times.filter((t) => t.broke).length, steps,
    median: firstTurn(steps, (s) => s.survival),
    medianLo: firstTurn(steps, (s) => s.lo),
    medianHi: firstTurn(steps, (s) => s.hi),
    lastTurn: Math.max(-1, ...times.map((t) => t.turn)),
    times,
  };
}
