// What became of one target answer (issue 11 §6). Only a "scored" answer is
// behaviour: it feeds the planner, the landing and the flags. An empty answer,
// an answer cut short by the token limit, and a refusal of the whole request
// say nothing about how the persona behaves — judging them (a blank answer
// scores ~20 on every trait with many judges) pulls the landing toward the
// judge's idea of "nothing". They are outcomes of their own: stored, retried
// once, and reported with their rate, never scored.
//
// A refusal that is in character is behaviour. A firm persona that says "No,
// I won't write it for you — here is how to start" declines the request and
// shows firmness; the judge may still mark it `refusal: true` (the prompt asks
// it to), and it is scored like any answer. Only an answer that declines and
// has nothing else is "refused":
//   1. the provider says so (OpenAI's `message.refusal`: the safety layer, not the persona), or
//   2. the text is nothing but stock refusal sentences ("I'm sorry, but I can't help with that.
//      If you have other questions, feel free to ask.") — no sentence of its own, or
//   3. the judge says it refuses AND finds no trait it can rate (every score null: the answer
//      gives no room to any behaviour).
// 1 and 2 are decided before the judge, so the judge call is saved; so are
// empty (blank or whitespace) and truncated (finish reason "length") answers.

import { PRESSURE_KIND, SELF_REPORT_KIND } from "@/lib/schemas/pressure";

export const OUTCOMES = ["scored", "empty", "refused", "truncated"] as const;
export type AnswerOutcome = (typeof OUTCOMES)[number];
export type NotScored = Exclude<AnswerOutcome, "scored">;

/** Per arm: answers by outcome, plus `failed` (the call itself failed after its retries). */
export type OutcomeCounts = { scored: number; empty: number; refused: number; truncated: number; failed: number };

export type GeneratedAnswer = {
  text: string;
  /** The provider's finish reason ("stop", "length", "content_filter", …); null when it gave none. */
  finishReason?: string | null;
  /** The provider's own refusal field (OpenAI `message.refusal`); null or "" when absent. */
  refusal?: string | null;
};

// Stock sentences a model uses to decline, and the filler that comes with them.
// A sentence counts only if it is wholly one of these, so "I can't write it for
// you, but here is an outline: …" is not a bare refusal.
const APOLOGY = String.raw`(?:i'?m|i am)\s+(?:very\s+|really\s+|so\s+)?sorry|sorry|i\s+apologi[sz]e|unfortunately|apologies`;
const CANNOT = String.raw`(?:i|we)\s*(?:can(?:no|')?t|can\s+not|won'?t|will\s+not|(?:am|'m)\s+(?:un)?able\s+to|(?:am|'m)\s+not\s+able\s+to|must\s+decline\s+to|have\s+to\s+decline\s+to|do\s+not|don'?t)`;
const ACTION = String.raw`(?:help|assist|comply|provide|fulfil+|do|answer|respond|share|engage|continue|support|create|generate|write|complete)`;
const OBJECT = String.raw`(?:\s+(?:you\s+)?(?:with\s+)?(?:that|this|it|the|your|such|these|those|that\s+kind\s+of)?\s*(?:request|question|task|topic|one|here|information|content|advice|kind\s+of\s+request|type\s+of\s+request)?)?`;
const REFUSAL_SENTENCE = new RegExp(
  String.raw`^(?:as\s+an?\s+(?:ai(?:\s+language\s+model)?|language\s+model|assistant),?\s*)?(?:(?:${APOLOGY})[,.!]?\s*(?:but\s+)?)?${CANNOT}\s+${ACTION}${OBJECT}(?:\s+(?:at\s+this\s+time|right\s+now|for\s+you))?$`, "i");
const DECLINE_SENTENCE = /^(?:(?:i'?m|i am)\s+(?:sorry|afraid)[,.]?\s*(?:but\s+)?)?(?:i\s+must|i\s+have\s+to|i'?ll\s+have\s+to)\s+(?:respectfully\s+)?decline(?:\s+(?:this|that|your)\s+request)?$/i;
const FILLER_SENTENCE = new RegExp([
  String.raw`^(?:${APOLOGY})(?:\s+for\s+(?:any|the)\s+inconvenience)?$`,
  String.raw`^as\s+an?\s+(?:ai|ai\s+language\s+model|language\s+model|assistant)\b.*$`,
  String.raw`^(?:if\s+you\s+have\s+(?:any\s+)?other\s+(?:questions|requests)|is\s+there\s+(?:anything|something)\s+else|let\s+me\s+know\s+if|feel\s+free\s+to|please\s+let\s+me\s+know)\b.*$`,
].join("|"), "i");
/** Longer than this many words is not "nothing else" (a stock refusal is one or two short lines). */
const BARE_REFUSAL_MAX_WORDS = 45;

function sentences(text: string): string[] {
  return text
    .replace(/[\u2018\u2019]/g, "'")
    .split(/(?<=[.!?])\s+|\n+/)
    .map((s) => s.trim().replace(/[.!?…]+$/, "").trim())
    .filter(Boolean);
}

/** True when the answer declines and says nothing else: every sentence is stock refusal or filler, one is a refusal. */
export function isBareRefusal(text: string): boolean {
  const trimmed = text.trim();
  if (!trimmed || trimmed.split(/\s+/).length > BARE_REFUSAL_MAX_WORDS) return false;
  const parts = sentences(trimmed);
  let declines = false;
  for (const s of parts) {
    if (REFUSAL_SENTENCE.test(s) || DECLINE_SENTENCE.test(s)) declines = true;
    else if (!FILLER_SENTENCE.test(s)) return false;
  }
  return declines;
}

/** The outcome decided before the judge (no judge call needed), or null when the judge decides. */
export function outcomeBeforeJudge(answer: GeneratedAnswer): NotScored | null {
  // The refusal field first: a provider that refuses this way sends no content at all.
  if (answer.refusal && answer.refusal.trim()) return "refused";
  if (answer.text.trim() === "") return "empty";
  if (answer.finishReason === "length") return "truncated";
  if (isBareRefusal(answer.text)) return "refused";
  return null;
}

/** After the judge: refused only when it refuses AND the judge can rate no trait at all. */
export function outcomeAfterJudge(verdict: { refusal: boolean; scores: Readonly<Record<string, number | null>> }): "scored" | "refused" {
  const rated = Object.values(verdict.scores).some((s) => typeof s === "number");
  return verdict.refusal && !rated ? "refused" : "scored";
}

/** A stored answer that counts as behaviour. Rows from before outcomes existed (outcome null) count when done. */
export function isScored(row: { status: string; outcome?: string | null }): boolean {
  return row.status === "done" && (row.outcome ?? "scored") === "scored";
}

export const emptyCounts = (): OutcomeCounts => ({ scored: 0, empty: 0, refused: 0, truncated: 0, failed: 0 });

/** Outcome counts per arm (answer kind), in the order the arms first appear. */
export function countOutcomes(rows: readonly { kind: string; status: string; outcome?: string | null }[]): Record<string, OutcomeCounts> {
  const out: Record<string, OutcomeCounts> = {};
  for (const r of rows) {
    const c = (out[r.kind] ??= emptyCounts());
    if (r.status !== "done") c.failed++;
    else {
      const o = (r.outcome ?? "scored") as AnswerOutcome;
      c[OUTCOMES.includes(o) ? o : "scored"]++;
    }
  }
  return out;
}

const APART: ReadonlySet<string> = new Set([PRESSURE_KIND, SELF_REPORT_KIND]);

/** Above this share of answers not scored, the report warns: the landing may speak for a minority of answers. */
export const NOT_SCORED_WARN_SHARE = 0.1;

/**
 * One line for the report: "3 of 240 answers were empty, 2 refused, 5 cut short — not scored",
 * over every arm the landing reads (pressure turns and self-ratings are counted apart: their sections
 * say what they lost); null when every answer was scored.
 */
export function describeOutcomes(outcomes: Readonly<Record<string, OutcomeCounts>> | undefined): { text: string; share: number; warn: boolean } | null {
  if (!outcomes) return null;
  const t = emptyCounts();
  for (const [kind, c] of Object.entries(outcomes)) if (!APART.has(kind)) for (const k of Object.keys(t) as (keyof OutcomeCounts)[]) t[k] += c[k];
  const total = t.scored + t.empty + t.refused + t.truncated + t.failed;
  const lost = total - t.scored;
  if (lost === 0) return null;
  const parts = ([[t.empty, "empty"], [t.refused, "refused"], [t.truncated, "cut short"], [t.failed, "failed"]] as const).filter(([n]) => n > 0);
  const [[n0, label0], ...rest] = parts;
  const text = `${n0} of ${total} answers ${n0 === 1 ? "was" : "were"} ${label0}${rest.map(([n, label]) => `, ${n} ${label}`).join("")} — not scored`;
  const share = lost / total;
  return { text, share, warn: share > NOT_SCORED_WARN_SHARE };
}
