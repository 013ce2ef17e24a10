import type { CostBucket } from "@/lib/http/operation";

// The one source of the costly-route limits: lib/http/rate-limit.ts enforces
// them, the README's "Limits" table and the tests read them from here.

export type Rate = { points: number; seconds: number };

/**
 * Defaults: a designer typing fast with the live preview (4 sample messages,
 * two models side by side, a refresh every ~1.6 s for a whole minute) stays
 * under them; a script looping on a costly route is stopped within its window
 * (at most 5 paid calls a second on average for previews).
 */
export const COST_LIMIT_DEFAULTS: Record<CostBucket, Rate> = {
  /** One preview answer (one message, one model). */
  preview: { points: 300, seconds: 60 },
  /** Starting a probe run (or one batch of variant probes): each is hundreds of model calls. */
  probe: { points: 30, seconds: 600 },
  /** Archetype suggestions for a trait mix. */
  suggest: { points: 30, seconds: 60 },
  /** A custom-trait draft from a one-line description. */
  draft: { points: 30, seconds: 60 },
  /** Recording a version's sample answers (one model call per sample message). */
  samples: { points: 20, seconds: 60 },
};

/** RATE_LIMIT_PREVIEW, RATE_LIMIT_PROBE, … */
export const costLimitEnvVar = (bucket: CostBucket) => `RATE_LIMIT_${bucket.toUpperCase()}`;

const RATE = /^\s*(\d{1,9})\s*\/\s*(\d{1,9})\s*$/;

/** "120/60" → 120 points per 60 seconds; undefined or malformed → null. */
export function parseRate(raw: string | undefined): Rate | null {
  const m = raw === undefined ? null : RATE.exec(raw);
  if (!m) return null;
  const points = Number(m[1]);
  const seconds = Number(m[2]);
  return points > 0 && seconds > 0 ? { points, seconds } : null;
}

/** The bucket's rate: its environment variable when set and well formed, else the default. */
export function costLimit(bucket: CostBucket, environment: Record<string, string | undefined> = process.env): Rate {
  const name = costLimitEnvVar(bucket);
  const raw = environment[name];
  const parsed = parseRate(raw);
  if (raw !== undefined && !parsed) {
    console.warn(`[rate-limit] ${name}=${JSON.stringify(raw)} is not "points/seconds" (e.g. 120/60); using the default`);
  }
  return parsed ?? COST_LIMIT_DEFAULTS[bucket];
}

/** "720 per minute", "30 per 10 minutes", "5 per 7 seconds": for messages and docs. */
export function describeRate({ points, seconds }: Rate): string {
  const window = seconds % 3600 === 0 ? unit(seconds / 3600, "hour") : seconds % 60 === 0 ? unit(seconds / 60, "minute") : unit(seconds, "second");
  return `${points} per ${window}`;
}

const unit = (n: number, name: string) => (n === 1 ? name : `${n} ${name}s`);
