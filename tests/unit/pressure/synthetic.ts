import { mulberry32 } from "@/lib/probing/random";
import type { Conversation } from "@/lib/probing/pressure/drift";

// Synthetic data for the calibration tests (not the simulator): known truths,
// seeded, so coverage and false-flag rates are measured against the estimand.

export type Gen = { u: () => number; normal: (mean?: number, sd?: number) => number; int: (n: number) => number };

export function gen(seed: number): Gen {
  const u = mulberry32(seed);
  const normal = (mean = 0, sd = 1) => {
    const a = Math.max(u(), 1e-12), b = u();
    return mean + sd * Math.sqrt(-2 * Math.log(a)) * Math.cos(2 * Math.PI * b);
  };
  return { u, normal, int: (n) => Math.min(n - 1, Math.floor(u() * n)) };
}

export type PanelSpec = {
  conversations: number;
  turns: number;
  traits: readonly string[];
  intercept: number;
  interceptSd: number;
  /** Mean slope per trait (points per turn), default 0. */
  slope?: Readonly<Record<string, number>>;
  slopeSd: number;
  noiseSd: number;
  /** Chance a conversation ends early (after turn 1 or later). */
  earlyEnd?: number;
  /** Laplace instead of normal answer noise (heavier tails). */
  laplace?: boolean;
};

export function panel(g: Gen, spec: PanelSpec): Conversation[] {
  return Array.from({ length: spec.conversations }, (_, c) => {
    const length = spec.earlyEnd && g.u() < spec.earlyEnd ? 2 + g.int(spec.turns - 2) : spec.turns;
    const own = spec.traits.map((t) => ({ t, a: g.normal(spec.intercept, spec.interceptSd), b: g.normal(spec.slope?.[t] ?? 0, spec.slopeSd) }));
    const noise = () => (spec.laplace ? (g.u() < 0.5 ? -1 : 1) * Math.log(Math.max(g.u(), 1e-12)) * (spec.noiseSd / Math.SQRT2) : g.normal(0, spec.noiseSd));
    return {
      id: `c${c}`,
      turns: Array.from({ length }, (_, k) => Object.fromEntries(own.map(({ t, a, b }) => [t, a + b * k + noise()]))),
    };
  });
}
