import "server-only";
import { db } from "@/lib/db/client";
import { cacheKey } from "@/lib/jobs/model-call";
import { NEUTRAL_PROMPT } from "@/lib/jobs/run-arms";
import { projectedCostPerCall } from "@/lib/probing/call-projection";
import { judgeRequestForAnswer } from "@/lib/probing/judge/answer-order";
import { CALLS_PER_ANSWER, memberRunKey, panelRunEstimate } from "@/lib/probing/panel/estimate";
import { probeTrait, type ProbeTrait } from "@/lib/probing/traits";
import type { PanelRunEstimate } from "@/lib/schemas/panel-run";
import { planPanelRun, type PanelRunInput, type PanelRunPlan } from "@/lib/services/panels/panel-run-plan";
import { resolveProvider, type ResolvedProvider } from "@/lib/services/providers/resolve-provider";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";

// "How big will this panel probe be?" (issue 13 §4): the create body resolved the
// same way as starting one (panel, members, seats, watched traits, judge), sized by
// the pure lib/probing/panel/estimate.ts. "reused": the identical-call cache is asked
// for the target requests each member run (and each seat's baseline) would send
// first; a cached answer's verdict is cached with it, so each hit counts its judge
// call too. Nothing is stored and no model is called. Money: the calls at the
// projected cost of one call on the dearest seat (lib/probing/call-projection.ts,
// as a money-capped run sizes its first batch) — null unless every seat and the
// judge have prices.

const seatKey = (s: { providerId: string; model: string }) => `${s.providerId}/${s.model}`;

/** The target requests of one arm's library items and questions, as the worker sends them (first sample of each). */
function targetRequests(prompt: string, watched: readonly string[], traitOf: (key: string) => ProbeTrait | undefined, itemsPerTrait: number, questions: readonly string[], model: string, temperature: number, seed: number) {
  const texts: { text: string; sample: number }[] = [];
  for (const key of watched) {
    const probes = traitOf(key)?.probes ?? [];
    for (let i = 0; i < itemsPerTrait && probes.length; i++) texts.push({ text: probes[i % probes.length].text, sample: Math.floor(i / probes.length) });
  }
  for (const q of questions) texts.push({ text: q, sample: 0 });
  return texts.map(({ text, sample }) => ({
    model, messages: [{ role: "system" as const, content: prompt }, { role: "user" as const, content: text }], temperature, seed: seed + sample,
  }));
}

async function cachedCount(workspaceId: string, target: ResolvedProvider, reqs: ReturnType<typeof targetRequests>): Promise<number> {
  const keys = reqs.map((r) => cacheKey(workspaceId, target, r));
  let n = 0;
  for (let i = 0; i < keys.length; i += 500) n += await db.callCache.count({ where: { key: { in: keys.slice(i, i + 500) } } });
  return n;
}

export async function estimatePanelRun(ctx: WorkspaceContext, panelId: string, input: PanelRunInput): Promise<PanelRunEstimate> {
  const plan = await planPanelRun(ctx, panelId, input);
  const resolved = new Map<string, ResolvedProvider>();
  const seatProvider = async (s: { providerId: string; model: string }) => {
    const k = seatKey(s);
    if (!resolved.has(k)) resolved.set(k, await resolveProvider(ctx, s.providerId, s.model));
    return resolved.get(k)!;
  };
  const traitOf = (key: string): ProbeTrait | undefined => plan.frozenCustom.find((t) => t.key === key) ?? probeTrait(key);
  const cachedCalls: Record<string, number> = {};
  const cachedBaselineCalls: Record<string, number> = {};
  for (const arm of plan.arms) {
    for (const m of plan.members) {
      const seat = m.seats[arm];
      const target = await seatProvider(seat).catch(() => null);
      if (!target) continue; // a seat that cannot be used is refused when the probe starts
      const reqs = (prompt: string) => targetRequests(prompt, plan.watched, traitOf, input.itemsPerTrait, plan.questions, target.model, input.temperature, input.seed);
      cachedCalls[memberRunKey(arm, m.key)] = CALLS_PER_ANSWER * await cachedCount(ctx.workspaceId, target, reqs(m.prompt));
      cachedBaselineCalls[seatKey(seat)] ??= CALLS_PER_ANSWER * await cachedCount(ctx.workspaceId, target, reqs(NEUTRAL_PROMPT));
    }
  }
  const estimate = panelRunEstimate({
    arms: plan.arms,
    members: plan.members.map((m) => ({ key: m.key, seats: Object.fromEntries(plan.arms.map((arm) => [arm, seatKey(m.seats[arm])])) })),
    watchedTraits: plan.watched.filter((k) => traitOf(k)).length,
    itemsPerTrait: input.itemsPerTrait,
    questions: plan.questions.length,
    answersPerPair: input.answersPerPair,
    cachedCalls, cachedBaselineCalls,
    maxCalls: input.maxCalls ?? null,
  });
  return { ...estimate, costUsd: projectedCost(plan, [...resolved.values()], traitOf, estimate.calls.expected) };
}

function projectedCost(plan: PanelRunPlan, seats: readonly ResolvedProvider[], traitOf: (key: string) => ProbeTrait | undefined, calls: number): number | null {
  const judgePrices = plan.judge.prices;
  if (!judgePrices || seats.length === 0 || seats.some((s) => !s.prices)) return null;
  const chars = (messages: readonly { content: string }[]) => messages.reduce((n, m) => n + m.content.length, 0);
  const longestItem = Math.max(0, ...plan.watched.flatMap((k) => (traitOf(k)?.probes ?? []).map((p) => p.text.length)), ...plan.questions.map((q) => q.length));
  const judgeChars = chars(judgeRequestForAnswer({ answer: "", question: "", traitKeys: plan.watched, model: plan.judge.model, traits: plan.frozenCustom }).request.messages) + longestItem;
  const perCall = Math.max(...seats.map((seat) => projectedCostPerCall({
    targetPromptChars: Math.max(NEUTRAL_PROMPT.length, ...plan.members.map((m) => m.prompt.length)) + longestItem,
    judgePromptChars: judgeChars, watched: plan.watched.length, prices: { target: seat.prices!, judge: judgePrices },
  })));
  return Math.round(perCall * calls * 1e4) / 1e4;
}
