import "server-only";
import { db } from "@/lib/db/client";
import { cachedChat, type CallDeps, type CallStats } from "@/lib/jobs/model-call";
import { failureOf, safeErrorText } from "@/lib/llm/provider-error";
import { LlmError } from "@/lib/llm/types";
import type { ProbeRun as RunRow } from "@/generated/prisma/client";
import { parseJudgeOutput, type JudgeOutput } from "@/lib/probing/judge";
import { judgeRequestForAnswer } from "@/lib/probing/judge/answer-order";
import { parseJudgeSettings, pickReliabilitySample, reliabilitySampleSize } from "@/lib/probing/judge-reliability";
import { seedFrom } from "@/lib/probing/random";
import type { FrozenCustomTrait } from "@/lib/probing/traits";
import type { RunConfig } from "@/lib/services/probes/run-config";
import { resolveProvider, type ResolvedProvider } from "@/lib/services/providers/resolve-provider";

// The reliability pass (issue 11 §6), run once the sampling is done and before
// the run completes: a deterministic sample of scored answers (seeded by the run
// id, spread over traits and the persona/baseline arms) is judged again —
//   retest: by the run's judge with a new seed, so the call cache cannot answer;
//   panel:  by each panel judge, with the same judge request.
// Every judgment is a ProbeJudgment row whose unique key (answer, role, judge)
// makes a crash mid-pass resume without asking anything twice. A judge that keeps
// failing is given up on (its failures are recorded and counted in the report);
// it never fails the run, whose landings do not depend on it.

export type PassHalt = "cancelled" | "lost" | "failed" | "stopped";

export type PassDeps = CallDeps & {
  resolve?: (workspaceId: string, providerId: string, model: string) => Promise<ResolvedProvider>;
};

const MAX_CONSECUTIVE_FAILURES = 8;
const GIVE_UP = new Set(["auth", "bad_request", "redirected", "blocked"]);

type Asker = { role: "retest" | "panel"; providerId: string; model: string; provider: ResolvedProvider | null; error: string | null };

/** The seed of a retest call: new per run and answer, so neither this run's nor another run's cache holds it. */
export const retestSeed = (runId: string, answerId: string): number => seedFrom(`retest\u241f${runId}\u241f${answerId}`) % 1_000_000_007;

/**
 * Judges the run's reliability sample. `stop` is the worker's own check
 * (heartbeat, cancel, stop signal); a halt it reports is returned as is.
 * `allows(calls)`: whether the run's caps leave room for that many more calls;
 * when not, the pass ends there (the judgments made so far are kept).
 */
export async function judgeReliabilityPass(
  run: RunRow, judge: ResolvedProvider, stats: CallStats, deps: PassDeps, stop: () => Promise<PassHalt | null>,
  allows: (calls: number) => boolean = () => true,
): Promise<PassHalt | null> {
  const settings = parseJudgeSettings(run.judges);
  const answers = await db.probeAnswer.findMany({
    where: { runId: run.id, status: "done", scores: { not: null }, kind: { in: ["persona", "baseline"] }, OR: [{ outcome: null }, { outcome: "scored" }] },
    select: { id: true, kind: true, traitKey: true, message: true, answer: true },
  });
  const size = reliabilitySampleSize(answers.length, settings);
  if (size === 0) return null;
  const sample = new Set(pickReliabilitySample(answers, size, run.id));
  const chosen = answers.filter((a) => sample.has(a.id));

  const resolve = deps.resolve ?? ((ws, id, model) => resolveProvider({ workspaceId: ws }, id, model));
  const askers: Asker[] = [];
  if (settings.retestShare > 0) askers.push({ role: "retest", providerId: run.judgeProviderId, model: run.judgeModel, provider: judge, error: null });
  for (const p of settings.panel) {
    const provider = await resolve(run.workspaceId, p.providerId, p.model).catch((e: Error) => e);
    askers.push(provider instanceof Error
      ? { role: "panel", ...p, provider: null, error: safeErrorText(`The panel judge cannot be used: ${provider.message}`) }
      : { role: "panel", ...p, provider, error: null });
  }

  const existing = await db.probeJudgment.findMany({ where: { runId: run.id }, select: { answerId: true, role: true, judgeProviderId: true, judgeModel: true } });
  const has = new Set(existing.map((j) => [j.answerId, j.role, j.judgeProviderId, j.judgeModel].join("\u241f")));
  const todo = askers.flatMap((asker) => chosen
    .filter((a) => !has.has([a.id, asker.role, asker.providerId, asker.model].join("\u241f")))
    .map((answer) => ({ asker, answer })));

  const watched = JSON.parse(run.watched) as string[];
  const custom = JSON.parse(run.customTraits) as FrozenCustomTrait[];
  const config = JSON.parse(run.config) as RunConfig;
  const failures = new Map<Asker, number>();

  const one = async ({ asker, answer }: (typeof todo)[number]) => {
    const key = { runId: run.id, answerId: answer.id, role: asker.role, judgeProviderId: asker.providerId, judgeModel: asker.model };
    if (!asker.provider || (failures.get(asker) ?? 0) >= MAX_CONSECUTIVE_FAILURES) {
      await store({ ...key, status: "failed", error: asker.error ?? "Not asked: this judge failed too often in a row" });
      return;
    }
    const { request } = judgeRequestForAnswer({ answer: answer.answer ?? "", question: answer.message, traitKeys: watched, model: asker.model, traits: custom });
    try {
      const judged: { out: JudgeOutput | null } = { out: null };
      const accept = (text: string) => (judged.out = parseJudgeOutput(text, watched)).ok;
      const req = asker.role === "retest" ? { ...request, seed: retestSeed(run.id, answer.id) } : request;
      const verdict = await cachedChat(run.workspaceId, asker.provider, req, stats, deps, accept);
      const out = judged.out ?? parseJudgeOutput(verdict.text, watched);
      if (!out.ok) throw new LlmError("invalid_output", out.reason);
      await store({ ...key, status: "done", scores: JSON.stringify(out.scores) });
      failures.set(asker, 0);
    } catch (e) {
      const err = failureOf(e, asker.provider.provider);
      // Not asked (stopped, or it would have passed the run's cap): nothing to record.
      if (err.kind === "aborted" || err.kind === "capped") return;
      failures.set(asker, GIVE_UP.has(err.kind) ? MAX_CONSECUTIVE_FAILURES : (failures.get(asker) ?? 0) + 1);
      await store({ ...key, status: "failed", error: safeErrorText(`${err.kind}: ${err.message}`, asker.provider.provider) });
    }
  };

  const width = Math.max(1, config.concurrency);
  for (let i = 0; i < todo.length; i += width) {
    const halt = await stop();
    if (halt) return halt;
    if (!allows(todo.slice(i, i + width).length)) return null;
    // Yield between batches: with the in-process simulator nothing here waits on I/O.
    await new Promise<void>((resolve) => setImmediate(resolve));
    await Promise.all(todo.slice(i, i + width).map(one));
  }
  // Halted (the worker stopping, a cancel, a lost lease) during the last batch: not finished — say why.
  return (deps.halt ?? deps.signal)?.aborted ? ((await stop()) ?? "stopped") : null;
}

/** One insert per judgment; the unique key turns a repeat (a resumed pass) into a no-op. */
async function store(data: Parameters<typeof db.probeJudgment.create>[0]["data"]) {
  await db.probeJudgment.create({ data }).catch((e: { code?: string }) => {
    if (e?.code !== "P2002") throw e;
  });
}
