import "server-only";
import { db } from "@/lib/db/client";
import { AppError, notFound } from "@/lib/errors/app-error";
import { cachedChat, emptyCallStats } from "@/lib/jobs/model-call";
import { failureOf, safeErrorText } from "@/lib/llm/provider-error";
import { buildRationaleRequest, parseRationaleOutput, rationaleKeys, type RationaleOutput } from "@/lib/probing/judge/rationale";
import { isScored } from "@/lib/probing/outcome";
import type { FrozenCustomTrait } from "@/lib/probing/traits";
import type { AnswerRationale } from "@/lib/schemas/rationale";
import { providerNameOf } from "@/lib/schemas/provider";
import { providerLabels } from "@/lib/services/probes/probe-runs";
import { storedRationale } from "@/lib/services/probes/serialize-run";
import { resolveProvider } from "@/lib/services/providers/resolve-provider";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";

// "Why this score?" (issue 12 §4): the run's own judge explains one answer's
// scores, once. The rationale is kept on the answer; the request is a pure
// function of the stored answer, so even before it is kept (two clicks at
// once, a failed store) the identical-call cache answers instead of a new paid
// call. Errors carry the provider's failure already redacted (never a key).

const NOT_SCORED: Record<string, string> = {
  empty: "the model gave an empty answer",
  refused: "the answer is a bare refusal",
  truncated: "the answer was cut off at the token limit",
  failed: "the model call failed",
};

/** Two tries at most: a malformed rationale is asked once more (uncached), not five times. */
const DEPS = { sleep: (ms: number) => new Promise<void>((r) => setTimeout(r, ms)), rng: Math.random, maxAttempts: 2 };

export async function explainAnswerScores(ctx: WorkspaceContext, runId: string, answerId: string): Promise<AnswerRationale> {
  // Another workspace's run, or an answer of another run, is simply not found.
  const run = await db.probeRun.findFirst({ where: { id: runId, workspaceId: ctx.workspaceId } });
  if (!run) throw notFound("Probe run");
  const row = await db.probeAnswer.findFirst({ where: { id: answerId, runId: run.id } });
  if (!row) throw notFound("Answer");
  if (!isScored(row) || !row.scores) {
    const why = NOT_SCORED[row.status === "failed" ? "failed" : row.outcome ?? ""] ?? "it has no scores";
    throw new AppError("conflict", `This answer was not scored (${why}), so there is no score to explain`);
  }
  const scores = JSON.parse(row.scores) as Record<string, number | null>;
  const labels = await providerLabels(ctx.workspaceId);
  const judgeInfo = {
    label: providerNameOf(labels, run.judgeProviderId),
    model: run.judgeModel,
  };
  const kept = storedRationale(row.rationale);
  if (kept) return { rationale: kept, scores, judge: judgeInfo, cached: true };

  const keys = rationaleKeys(scores);
  if (keys.length === 0) throw new AppError("conflict", "The judge rated no trait of this answer (every score is n/a), so there is no score to explain");
  const custom = JSON.parse(run.customTraits) as FrozenCustomTrait[];
  const order = row.judgeOrder ? (JSON.parse(row.judgeOrder) as string[]) : undefined;
  const request = buildRationaleRequest({ answer: row.answer ?? "", question: row.message, scores, order, model: run.judgeModel, traits: custom });

  let judge;
  try {
    judge = await resolveProvider(ctx, run.judgeProviderId, run.judgeModel);
  } catch (e) {
    // The run's judge provider was deleted since: not "answer not found", a state to fix.
    if (e instanceof AppError && e.code === "not_found") throw new AppError("conflict", "The run's judge provider no longer exists; add it again to ask for a rationale");
    throw e;
  }
  const parsed: { out: RationaleOutput | null } = { out: null };
  const accept = (text: string) => (parsed.out = parseRationaleOutput(text, keys)).ok;
  const stats = emptyCallStats(); // not added to the run's counters: the probe itself is over
  let call;
  try {
    call = await cachedChat(run.workspaceId, judge, request, stats, DEPS, accept);
  } catch (e) {
    const err = failureOf(e, judge.provider);
    const reason = err.kind === "invalid_output" && parsed.out && !parsed.out.ok ? safeErrorText(parsed.out.reason, judge.provider) : err.message;
    throw new AppError("upstream", `The judge could not explain this score: ${reason}`, { details: { kind: err.kind } });
  }
  const out = parsed.out ?? parseRationaleOutput(call.text, keys); // a cache hit skips `accept`
  if (!out.ok) throw new AppError("upstream", `The judge could not explain this score: ${safeErrorText(out.reason, judge.provider)}`, { details: { kind: "invalid_output" } });
  await db.probeAnswer.updateMany({ where: { id: row.id, rationale: null }, data: { rationale: JSON.stringify(out.rationale) } });
  return { rationale: out.rationale, scores, judge: judgeInfo, cached: call.cached };
}
