import { DEFAULT_FLOOR } from "@/lib/probing/stats/floor";
import { DEFAULT_LEVEL } from "@/lib/probing/stats/summarize";
import type { ItemEstimate } from "@/lib/probing/methods/item-landing";
import { isScored } from "@/lib/probing/outcome";
import { driftReport, traitDrift, type Conversation, type TurnScores } from "@/lib/probing/pressure/drift";
import { survivalCurve } from "@/lib/probing/pressure/survival";
import { pressureFlags, type PressureFlagResult, type TargetBand } from "@/lib/probing/pressure/flags";
import type { Flag } from "@/lib/probing/flags/types";
import type { FrozenPressure, PressureReport, ServedEstimate } from "@/lib/schemas/pressure";

// The report's pressure section (issue 14 §1–2) from a run's stored "pressure"
// answers, and its caves / drifts-back flags. Pure: the same rows give the same
// section. Self-report and framing: self-report-section.ts, framing-section.ts;
// all three through report-sections.ts.
//
// Which answers: per (conversation, turn) the latest DONE attempt; its scores
// count only when its outcome is scored (an empty or refused turn is a turn
// without scores, never a 0). A conversation is "complete" once it has its last
// turn (turn = frozen turns), "ended early" when the run has stopped without
// it, else "running".
//
// Which conversations each question reads: per trait, the conversations of the
// scripts that push it (all conversations when none does) — the drift summary
// row (script null), turns-to-break and the caves / drifts-back tests alike:
// firm's drift under a "concise" script's pushes is not a firm pressure test.
// Plus one drift row per script over that script's conversations for the
// trait it pushes. The tests cover the
// targeted traits (band = the landing's judged window) and the pushed ones
// (no band: slope only), BH across them (flags.ts).

export const REPORT_LEVEL = DEFAULT_LEVEL;
export const REPORT_FLOOR = DEFAULT_FLOOR;

/** One stored pressure answer (ProbeAnswer kind "pressure"), scores parsed. */
export type PressureRow = {
  id: string; itemIndex: number; turn: number; sampleIndex: number;
  status: string; outcome?: string | null; scores: Readonly<Record<string, number | null>> | null;
  /** The turn was answered (its text is stored), even when its judge failed. */
  answered?: boolean;
};

export type PressureSectionInput = {
  frozen: FrozenPressure;
  watched: readonly string[];
  rows: readonly PressureRow[];
  /** The run has stopped (completed, failed or cancelled): unfinished conversations ended early. */
  stopped: boolean;
  /** Targeted traits' judged windows (the landing rows' `judged.window`). */
  bands: Readonly<Record<string, TargetBand>>;
  /** The baseline arm's landing mean per trait. */
  baseline: Readonly<Record<string, number | null>>;
  names?: Readonly<Record<string, string>>;
};

const fin = (x: number | null | undefined): number | null => (typeof x === "number" && Number.isFinite(x) ? x : null);

/** An estimate as served: JSON-safe (no Infinity / NaN). */
export const served = (e: Pick<ItemEstimate, "estimate" | "lo" | "hi" | "items">): ServedEstimate =>
  ({ estimate: fin(e.estimate), lo: fin(e.lo), hi: fin(e.hi), items: e.items });

export const conversationId = (index: number): string => `c${index + 1}`;

type BuiltConversation = PressureReport["conversations"][number];

/** Conversations as served, one per planned conversation, turns in order. */
export function pressureConversations(input: Pick<PressureSectionInput, "frozen" | "watched" | "rows" | "stopped">): BuiltConversation[] {
  const { frozen, watched } = input;
  const planned = frozen.scripts.length * frozen.conversationsPerScript;
  const byConversation = new Map<number, PressureRow[]>();
  for (const r of input.rows) {
    if (!byConversation.has(r.itemIndex)) byConversation.set(r.itemIndex, []);
    byConversation.get(r.itemIndex)!.push(r);
  }
  const indices = [...new Set([...Array.from({ length: planned }, (_, i) => i), ...byConversation.keys()])].sort((a, b) => a - b);
  const none = () => Object.fromEntries(watched.map((k) => [k, null]));
  return indices.map((index) => {
    const rows = byConversation.get(index) ?? [];
    const turnNumbers = [...new Set(rows.map((r) => r.turn))].sort((a, b) => a - b);
    const turns = turnNumbers.map((turn) => {
      const latest = rows.filter((r) => r.turn === turn && r.status === "done").sort((a, b) => b.sampleIndex - a.sampleIndex)[0];
      const scores = latest && isScored(latest) && latest.scores
        ? Object.fromEntries(watched.map((k) => [k, fin(latest.scores![k])]))
        : none();
      return { turn, answerId: latest?.id ?? null, scores };
    });
    // Complete once the last turn was answered: a judge that failed leaves the turn unscored, not the conversation short.
    const complete = rows.some((r) => r.turn === frozen.turns && (r.status === "done" || r.answered === true));
    const script = frozen.scripts[Math.floor(index / Math.max(1, frozen.conversationsPerScript))];
    return {
      id: conversationId(index), index, script: script?.key ?? "",
      status: complete ? "complete" : input.stopped ? "ended early" : "running",
      turns,
    };
  });
}

/** A served conversation as the statistics read it: turns[k] = turn k's scores ({} when missing). */
export function asConversation(c: BuiltConversation): Conversation {
  const last = Math.max(-1, ...c.turns.map((t) => t.turn));
  const turns: TurnScores[] = Array.from({ length: last + 1 }, () => ({}));
  for (const t of c.turns) turns[t.turn] = t.scores;
  return { id: c.id, turns };
}

/**
 * One conversation set for all the tested traits, each trait reading only its
 * own conversations: scores of a trait are blanked where the conversation's
 * script does not push it (when some script does). Every statistic of
 * drift/survival/flags reads one trait at a time, so this is exactly
 * "per trait, its scripts' conversations" with BH still across traits.
 */
function perTraitConversations(
  conversations: readonly BuiltConversation[], scriptTrait: ReadonlyMap<string, string>, traits: readonly string[],
): Conversation[] {
  const pushed = new Set(scriptTrait.values());
  return conversations.map((c) => {
    const conv = asConversation(c);
    const own = scriptTrait.get(c.script);
    return {
      id: conv.id,
      turns: conv.turns.map((t) => Object.fromEntries(traits.map((k) => [k, !pushed.has(k) || own === k ? t[k] ?? null : null]))),
    };
  });
}

const title = (kind: PressureFlagResult["kind"], name: string) =>
  kind === "caves" ? `${name} caves under pressure` : `${name} drifts back to the assistant`;

export type PressureSection = { section: PressureReport; flags: Flag[] };

export function pressureSection(input: PressureSectionInput): PressureSection {
  const { frozen, watched } = input;
  const level = REPORT_LEVEL, floor = REPORT_FLOOR;
  const name = (k: string) => input.names?.[k] ?? k;
  const conversations = pressureConversations(input);
  const all = conversations.map(asConversation);
  const scriptTrait = new Map(frozen.scripts.map((s) => [s.key, s.trait]));

  const driftRow = (d: ReturnType<typeof traitDrift>, script: string | null) => ({
    trait: d.trait, script,
    perTurn: d.perTurn.map((p) => ({ ...served(p), turn: p.turn })),
    slope: served(d.slope), change: served(d.change), conversations: d.conversations,
  });
  const drift = [
    // script null: the conversations the flags and turns-to-break read — for a trait a script pushes,
    // those scripts' conversations; for any other trait, all of them.
    ...driftReport(perTraitConversations(conversations, scriptTrait, watched), watched, { level, floor }).map((d) => driftRow(d, null)),
    ...frozen.scripts.filter((s) => watched.includes(s.trait)).map((s) => {
      const own = all.filter((_, i) => conversations[i].script === s.key);
      return driftRow(traitDrift(own, s.trait, { level, floor }), s.key);
    }),
  ];

  const tested = watched.filter((k) => input.bands[k] !== undefined || [...scriptTrait.values()].includes(k));
  const survivalTraits = Object.keys(frozen.thresholds);
  const scoped = perTraitConversations(conversations, scriptTrait, [...new Set([...tested, ...survivalTraits])]);

  const survival = survivalTraits.map((trait) => {
    const { times: _times, ...curve } = survivalCurve(scoped, trait, frozen.thresholds[trait], level);
    return curve;
  });

  const results = pressureFlags(scoped, tested.map((trait) => ({
    trait, label: name(trait),
    ...(input.bands[trait] ? { target: input.bands[trait] } : {}),
    baseline: fin(input.baseline[trait]),
  })), { level, floor });

  const indexOf = new Map(conversations.map((c) => [c.id, c]));
  const flags: Flag[] = results.filter((r) => r.flagged && r.slope.estimate !== null).map((r) => {
    const exemplar = r.exemplar ? indexOf.get(r.exemplar.conversation) : undefined;
    const slope = r.slope;
    return {
      id: `${r.kind}:${r.trait}`, kind: r.kind, traits: [r.trait],
      severity: r.kind === "caves" ? "alert" : "warn",
      title: title(r.kind, name(r.trait)),
      explanation: r.message ?? title(r.kind, name(r.trait)),
      evidence: {
        value: { estimate: slope.estimate!, lo: fin(slope.lo), hi: fin(slope.hi), level },
        ...(r.q !== null ? { q: r.q } : {}),
        basis: `slope over ${slope.items} conversation${slope.items === 1 ? "" : "s"}, points per turn${r.kind === "drifts-back" ? " (distance from the model's own landing)" : ""}`,
        ...(exemplar ? { conversation: exemplar.index, answerIds: exemplar.turns.flatMap((t) => (t.answerId ? [t.answerId] : [])) } : {}),
      },
    };
  });

  const section: PressureReport = {
    scripts: frozen.scripts.map((s) => ({ key: s.key, name: s.name, trait: s.trait, kind: s.kind, conversations: frozen.conversationsPerScript })),
    turns: frozen.turns,
    thresholds: { ...frozen.thresholds },
    baseline: Object.fromEntries(watched.map((k) => [k, fin(input.baseline[k])])),
    conversations,
    drift,
    survival,
    tests: results.map((r) => ({
      kind: r.kind, trait: r.trait, slope: served(r.slope), p: fin(r.p), q: fin(r.q), flagged: r.flagged,
      ended: fin(r.ended), start: fin(r.start), exemplar: r.exemplar,
    })),
  };
  return { section, flags };
}
