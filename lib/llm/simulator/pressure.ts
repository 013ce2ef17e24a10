import type { ChatMessage } from "@/lib/llm/types";
import { dot } from "@/lib/llm/simulator/linalg";
import { matchArchetypes } from "@/lib/llm/simulator/archetypes";
import { priorFor } from "@/lib/llm/simulator/infer";

// Pressure over a conversation (issue 14 §1, §5). A user turn that comes after
// an assistant turn and carries one of the simulator's own pressure cues is a
// PUSH against the holding trait of that cue's kind (insisting → firm, appeals
// to authority → skeptical, asking for more → concise). Each push relaxes that
// trait's projection toward the model's well (its default assistant, models.ts):
//
//     p ← p − δ·(1 − hold)·(p − p_well),   δ = PRESSURE_DECAY × intensity
//
// moved along the trait's loading direction in factor space, so the trait's
// cluster relaxes with it, as a persona drifting back to the assistant would.
// Intensity is 1 for one cue in the turn and 1.5 for two or more (angrier).
//
// HOLD: what the character type carries does not give way. hold = HOLD_MAX ×
// the share of the persona's distance from the well on that trait that its
// matched character types already supply (their prior point alone), clamped to
// 0…1: a drill instructor's firmness is who it is (hold ≈ 0.8), "You are firm."
// on the plain assistant is only a request (hold 0). Holding wording in the
// system prompt ("no matter what", "however hard they push", "never back down"…)
// holds at WORDING_HOLD. The first user message never pushes, so single-turn
// answers are untouched; turns are read in order and the result is deterministic.

export type PressureKind = "insist" | "authority" | "detail";

export const PRESSURE_CUES: Readonly<Record<PressureKind, { trait: string; cues: readonly string[] }>> = {
  insist: {
    trait: "firm",
    cues: [
      "again", "i insist", "insist", "unacceptable", "ridiculous", "outrageous", "i demand", "loyal customer", "years as a customer",
      "cancel my account", "cancel my subscription", "i'll leave", "i will leave", "take my business elsewhere", "make an exception",
      "just this once", "furious", "leave a review",
    ],
  },
  authority: {
    trait: "skeptical",
    cues: [
      "my manager", "your manager", "your supervisor", "as an expert", "i'm an expert", "i am an expert", "as a doctor", "i'm a doctor",
      "i have a phd", "trust me", "studies show", "experts agree", "everyone knows", "my professor",
    ],
  },
  detail: {
    trait: "concise",
    cues: ["more detail", "elaborate", "explain more", "go deeper", "tell me more", "expand on", "say more", "longer answer", "more thorough", "full explanation"],
  },
};

export const HOLDING_WORDS: readonly string[] = [
  "no matter what", "no matter how", "however hard", "whatever they say", "even if they insist", "even under pressure",
  "never back down", "never give in", "stand your ground", "do not budge", "don't budge",
];

export const PRESSURE_DECAY = 0.25;
export const HOLD_MAX = 0.8;
export const WORDING_HOLD = 0.7;

export type Push = { turn: number; kind: PressureKind; trait: string; intensity: number };

const normal = (s: string) => s.toLowerCase().replace(/[\u2018\u2019]/g, "'");
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const CUE_RES = Object.fromEntries(
  (Object.keys(PRESSURE_CUES) as PressureKind[]).map((k) => [k, PRESSURE_CUES[k].cues.map((c) => new RegExp(`(?<![\\p{L}'])${escape(c)}(?![\\p{L}])`, "u"))]),
) as Record<PressureKind, RegExp[]>;

/** The pushes in a conversation: user turns after an assistant turn, read with the pressure cues (in order). */
export function readPushes(messages: readonly ChatMessage[]): Push[] {
  const pushes: Push[] = [];
  let answered = false;
  let turn = 0;
  for (const m of messages) {
    if (m.role === "assistant") answered = true;
    if (m.role !== "user") continue;
    turn++;
    if (!answered) continue;
    const text = normal(m.content);
    for (const kind of Object.keys(PRESSURE_CUES) as PressureKind[]) {
      const n = CUE_RES[kind].filter((re) => re.test(text)).length;
      if (n > 0) pushes.push({ turn, kind, trait: PRESSURE_CUES[kind].trait, intensity: n >= 2 ? 1.5 : 1 });
    }
  }
  return pushes;
}

export type PressureContext = {
  systemPrompt: string;
  well: readonly number[];
  loadings: Readonly<Record<string, readonly number[]>>;
  /** Per-trait expression shift already carried (a role's, framing.ts). */
  shift?: Readonly<Record<string, number>>;
};

/** How much of a trait the persona holds under pressure (0 … HOLD_MAX or WORDING_HOLD; see the header). */
export function holdFor(trait: string, z: readonly number[], ctx: PressureContext): number {
  const L = ctx.loadings[trait];
  if (!L) return 0;
  const text = normal(ctx.systemPrompt ?? "");
  const wording = HOLDING_WORDS.some((w) => text.includes(w)) ? WORDING_HOLD : 0;
  const archetypes = matchArchetypes(text.replace(/^#+ .*$/gm, " "));
  if (!archetypes.length) return wording;
  const pw = dot(L, ctx.well);
  const gap = dot(L, z) + (ctx.shift?.[trait] ?? 0) - pw;
  if (Math.abs(gap) < 0.05) return wording;
  const share = Math.min(1, Math.max(0, (dot(L, priorFor(archetypes)) - pw) / gap));
  return Math.max(wording, HOLD_MAX * share);
}

/** The position after the pushes (a new array; z itself when there are none). */
export function applyPressure(z: readonly number[], pushes: readonly Push[], ctx: PressureContext): readonly number[] {
  if (!pushes.length) return z;
  const holds = new Map<string, number>();
  let out = [...z];
  for (const p of pushes) {
    const L = ctx.loadings[p.trait];
    if (!L) continue;
    if (!holds.has(p.trait)) holds.set(p.trait, holdFor(p.trait, z, ctx));
    const delta = Math.min(0.9, PRESSURE_DECAY * p.intensity) * (1 - holds.get(p.trait)!);
    const gap = dot(L, out) + (ctx.shift?.[p.trait] ?? 0) - dot(L, ctx.well);
    const step = (-delta * gap) / dot(L, L);
    out = out.map((v, i) => v + step * L[i]);
  }
  return out;
}
