import "server-only";
import { db } from "@/lib/db/client";
import { readRow } from "@/lib/db/reader";
import { cachedChat, emptyCallStats, type CallDeps, type CallGate } from "@/lib/jobs/model-call";
import { failureOf, safeErrorText } from "@/lib/llm/provider-error";
import type { LlmError } from "@/lib/llm/types";
import { distinguishRequest, parseDistinguish } from "@/lib/probing/judge/distinguish-prompt";
import { isScored } from "@/lib/probing/outcome";
import { guessKey, planGuesses, type PlanAnswer, type PlannedGuess } from "@/lib/probing/panel/distinguish-plan";
import type { FrozenPanelRunSpec, PanelRunConfig } from "@/lib/schemas/panel-run";
import { resolveProvider, type ResolvedProvider } from "@/lib/services/providers/resolve-provider";

// The blind distinguishability pass of a panel probe (issue 13 §4), run once
// every member run is over: per arm and pair, the panel's judge is shown an
// answer, its question and the two members' descriptions (planGuesses decides
// which, from the seed) and names the author. Each judgment is a PanelGuess,
// stored as its call returns, with the call counted on the PanelRun at once;
// a resumed pass plans the same guesses and asks only those it has not stored
// (failed ones are asked again; finished calls come from the call cache).
//
// The pass holds a lease on the PanelRun (leaseOwner + heartbeatAt, as a probe
// run does) and heartbeats while it works. Its calls are capped by what the
// panel's maxCalls leaves after the member runs: every attempt asks the gate,
// so the cap holds for retries too; a guess that would pass it is not asked
// (the pass ends "done" with the note in distinguishError). A cancel
// (PanelRun.cancelledAt) stops it and hands the pass back as "waiting", so a
// resume continues where it stopped; an aborted worker lets go of the lease.

const LEASE_MS = 30_000;
const HEARTBEAT_MS = 10_000;
const MAX_CONSECUTIVE_FAILURES = 8;
const TERMINAL = new Set(["completed", "failed", "cancelled"]);

/** Every member run of the panel probe is over (completed, failed or cancelled); false when it has none. */
export const memberRunsOver = (runs: readonly { status: string }[]): boolean => runs.length > 0 && runs.every((m) => TERMINAL.has(m.status));
const ARM_ORDER = ["active", "single", "routed"];
export const NAMED_NEITHER = "The judge's output named neither member";

export type DistinguishDeps = CallDeps & {
  workerId: string;
  now?: () => Date;
  resolve?: (workspaceId: string, providerId: string, model: string) => Promise<ResolvedProvider>;
  /** Called after every stored guess (tests use it to stop a pass mid-way). */
  onGuess?: () => void | Promise<void>;
};

type Outcome = "done" | "failed" | "lost" | "cancelled";

/**
 * Whether the worker's panel maintenance has anything to look at: a panel probe not
 * cancelled whose pass waits or runs, or whose pass is over but the probe not yet
 * closed. A superset of what pendingDistinguishRuns and closePanelRuns (lib/jobs/runner)
 * find (a pass under a live lease counts, its members are not looked at), asked in one
 * plain statement (lib/db/reader) before their Prisma reads, which cost 2–3 ms of CPU
 * each on every poll of an idle worker.
 */
export async function anyPanelWork(): Promise<boolean> {
  const row = await readRow<{ work: unknown }>(
    `SELECT EXISTS (SELECT 1 FROM "PanelRun" WHERE "cancelledAt" IS NULL
       AND ("distinguishStatus" IN ('waiting', 'running') OR ("finishedAt" IS NULL AND "distinguishStatus" IN ('done', 'off', 'failed')))) AS "work"`,
  );
  return Boolean(row?.work); // PostgreSQL: a boolean; SQLite: 0 or 1
}

/** Panel runs whose pass can start: waiting (or running under an expired lease), not cancelled, every member run over. Oldest first. */
export async function pendingDistinguishRuns(now: Date = new Date()): Promise<string[]> {
  const stale = new Date(now.getTime() - LEASE_MS);
  const runs = await db.panelRun.findMany({
    where: {
      cancelledAt: null,
      OR: [{ distinguishStatus: "waiting" }, { distinguishStatus: "running", OR: [{ heartbeatAt: null }, { heartbeatAt: { lt: stale } }] }],
    },
    orderBy: { createdAt: "asc" },
    select: { id: true },
  });
  const out: string[] = [];
  for (const r of runs) {
    const members = await db.probeRun.findMany({ where: { panelRunId: r.id }, select: { status: true } });
    if (memberRunsOver(members)) out.push(r.id);
  }
  return out;
}

export async function processDistinguish(panelRunId: string, deps: DistinguishDeps): Promise<Outcome> {
  const now = deps.now ?? (() => new Date());
  const run = await db.panelRun.findUnique({ where: { id: panelRunId } });
  if (!run) return "lost";
  if (run.cancelledAt) return "cancelled";
  const memberRuns = await db.probeRun.findMany({
    where: { panelRunId },
    select: { id: true, status: true, panelArm: true, panelMemberKey: true, modelCalls: true },
  });
  if (!memberRunsOver(memberRuns)) return "lost";
  const config = JSON.parse(run.config) as PanelRunConfig;
  if (!(config.answersPerPair > 0) || memberRuns.every((m) => m.status === "cancelled") || run.distinguishStatus === "off") {
    await db.panelRun.updateMany({ where: { id: panelRunId, distinguishStatus: { in: ["waiting", "running"] } }, data: { distinguishStatus: "off", leaseOwner: null } });
    return "done";
  }
  if (!(await claim(panelRunId, deps.workerId, now()))) return "lost";

  let judge: ResolvedProvider;
  try {
    judge = await (deps.resolve ?? ((ws, id, model) => resolveProvider({ workspaceId: ws }, id, model)))(run.workspaceId, run.judgeProviderId, run.judgeModel);
  } catch (e) {
    const missing = (e as { code?: unknown }).code === "not_found";
    return finish(panelRunId, deps.workerId, "failed", `${missing ? "The panel's judge provider is gone" : "The panel's judge provider cannot be used"}: ${(e as Error).message}`);
  }

  const spec = JSON.parse(run.spec) as FrozenPanelRunSpec;
  const descriptions = new Map(spec.members.map((m) => [m.key, m.description]));
  const plan = await planFor(config, spec, memberRuns);
  const stored = await db.panelGuess.findMany({ where: { panelRunId, status: "done" }, select: { arm: true, memberA: true, memberB: true, answerId: true } });
  const have = new Set(stored.map(guessKey));
  const todo = plan.filter((g) => !have.has(guessKey(g)));
  const answers = new Map((await db.probeAnswer.findMany({
    where: { id: { in: todo.map((g) => g.answerId) } }, select: { id: true, message: true, answer: true },
  })).map((a) => [a.id, a]));

  // The cap: what maxCalls leaves after the member runs and this pass's earlier calls. Counted per attempt sent.
  const spentByMembers = memberRuns.reduce((s, m) => s + m.modelCalls, 0);
  const allowance = run.maxCalls === null ? Infinity : run.maxCalls - spentByMembers - run.modelCalls;
  let sent = 0;
  let capped = false;
  const gate: CallGate = {
    send: () => {
      if (sent >= allowance) return (capped = true), false;
      sent++;
      return true;
    },
    settle: () => {},
    cached: () => {},
  };

  // An object, not a let: the lanes and the timer change it (TypeScript would narrow a let to "ok" below).
  const lease: { state: "ok" | "cancelled" | "lost" } = { state: "ok" };
  let fatal: LlmError | null = null;
  let consecutiveFailures = 0;
  const beat = async (): Promise<void> => {
    if (lease.state !== "ok") return;
    const alive = await db.panelRun.updateMany({
      where: { id: panelRunId, leaseOwner: deps.workerId, distinguishStatus: "running", cancelledAt: null },
      data: { heartbeatAt: now() },
    });
    if (alive.count > 0) return;
    const current = await db.panelRun.findUnique({ where: { id: panelRunId }, select: { cancelledAt: true } });
    lease.state = current?.cancelledAt ? "cancelled" : "lost";
  };
  const timer = setInterval(() => void beat().catch(() => {}), HEARTBEAT_MS);

  const one = async (g: PlannedGuess) => {
    const shown = answers.get(g.answerId);
    const row = { panelRunId, arm: g.arm, memberA: g.memberA, memberB: g.memberB, answerId: g.answerId, author: g.author, firstShown: g.firstShown };
    const [first, second] = g.firstShown === "a" ? [g.memberA, g.memberB] : [g.memberB, g.memberA];
    const req = distinguishRequest({
      question: shown?.message ?? "", answer: shown?.answer ?? "",
      first: { key: first, description: descriptions.get(first) ?? first },
      second: { key: second, description: descriptions.get(second) ?? second },
    });
    const stats = emptyCallStats();
    let result: { guess: string | null; status: "done" | "failed"; error: string | null } | null;
    try {
      const reply = await cachedChat(run.workspaceId, judge, { model: run.judgeModel, ...req }, stats, { ...deps, gate }, (text) => parseDistinguish(text) !== null);
      const label = parseDistinguish(reply.text);
      result = { guess: label === "A" ? first : label === "B" ? second : null, status: "done", error: label ? null : NAMED_NEITHER };
      consecutiveFailures = 0;
    } catch (e) {
      const err = failureOf(e, judge.provider);
      if (err.kind === "aborted" || err.kind === "capped") result = null;
      else if (err.kind === "invalid_output") result = { guess: null, status: "done", error: NAMED_NEITHER };
      else {
        if (err.kind === "auth" || err.kind === "bad_request" || err.kind === "redirected" || err.kind === "blocked") fatal = err;
        consecutiveFailures++;
        result = { guess: null, status: "failed", error: safeErrorText(`${err.kind}: ${err.message}`, judge.provider) };
      }
    }
    // Counted as the call returns, whoever holds the run now: a paid call is never lost or counted twice.
    if (stats.modelCalls > 0 || stats.cacheHits > 0) {
      await db.panelRun.update({ where: { id: panelRunId }, data: { modelCalls: { increment: stats.modelCalls }, cacheHits: { increment: stats.cacheHits } } });
    }
    if (!result) return;
    await db.panelGuess.upsert({
      where: { panelRunId_arm_memberA_memberB_answerId: { panelRunId, arm: g.arm, memberA: g.memberA, memberB: g.memberB, answerId: g.answerId } },
      create: { ...row, ...result },
      update: { firstShown: g.firstShown, ...result },
    });
    await deps.onGuess?.();
  };

  const stopped = () => lease.state !== "ok" || (capped ||= sent >= allowance) || fatal !== null || consecutiveFailures >= MAX_CONSECUTIVE_FAILURES || deps.signal?.aborted === true || deps.halt?.aborted === true;
  let next = 0;
  const lane = async () => {
    while (next < todo.length) {
      await beat();
      if (stopped()) return;
      // Take the item only now: another lane may have taken the last one while this one awaited beat().
      const item = todo[next++];
      if (!item) return;
      await one(item);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(config.concurrency ?? 4, 16)) }, lane));
  } finally {
    clearInterval(timer);
  }

  if (lease.state === "lost") return "lost";
  if (lease.state === "cancelled") {
    await db.panelRun.updateMany({ where: { id: panelRunId, leaseOwner: deps.workerId }, data: { distinguishStatus: "waiting", leaseOwner: null, heartbeatAt: null } });
    return "cancelled";
  }
  if (deps.signal?.aborted || deps.halt?.aborted) {
    await db.panelRun.updateMany({ where: { id: panelRunId, leaseOwner: deps.workerId }, data: { leaseOwner: null, heartbeatAt: null } });
    return "lost";
  }
  if (fatal || consecutiveFailures >= MAX_CONSECUTIVE_FAILURES) {
    const reason = fatal ? (fatal as LlmError).message : `The judge failed ${MAX_CONSECUTIVE_FAILURES} times in a row`;
    return finish(panelRunId, deps.workerId, "failed", safeErrorText(reason, judge.provider));
  }
  if (!capped) return finish(panelRunId, deps.workerId, "done", null);
  const made = await db.panelGuess.count({ where: { panelRunId, status: "done" } });
  return finish(panelRunId, deps.workerId, "done", `Stopped at the run's cap: ${plan.length - made} of ${plan.length} judgments were not made`);
}

async function claim(panelRunId: string, workerId: string, now: Date): Promise<boolean> {
  const stale = new Date(now.getTime() - LEASE_MS);
  const { count } = await db.panelRun.updateMany({
    where: {
      id: panelRunId, cancelledAt: null,
      OR: [
        { distinguishStatus: "waiting" },
        { distinguishStatus: "running", OR: [{ leaseOwner: workerId }, { heartbeatAt: null }, { heartbeatAt: { lt: stale } }] },
      ],
    },
    data: { distinguishStatus: "running", leaseOwner: workerId, heartbeatAt: now },
  });
  return count > 0;
}

async function planFor(config: PanelRunConfig, spec: FrozenPanelRunSpec, memberRuns: { id: string; panelArm: string | null; panelMemberKey: string | null }[]): Promise<PlannedGuess[]> {
  const rows = await db.probeAnswer.findMany({
    where: { runId: { in: memberRuns.map((m) => m.id) }, kind: "persona", status: "done" },
    select: { id: true, runId: true, traitKey: true, itemIndex: true, sampleIndex: true, status: true, outcome: true },
  });
  const byRun = new Map<string, PlanAnswer[]>();
  for (const r of rows) {
    if (!isScored(r)) continue;
    const list = byRun.get(r.runId) ?? [];
    list.push({ item: `${r.traitKey}#${r.itemIndex}`, answerId: r.id, sampleIndex: r.sampleIndex });
    byRun.set(r.runId, list);
  }
  const armsPresent = [...new Set(memberRuns.map((m) => m.panelArm ?? "active"))]
    .sort((x, y) => (ARM_ORDER.indexOf(x) + 1 || 99) - (ARM_ORDER.indexOf(y) + 1 || 99));
  const arms = armsPresent.map((arm) => ({
    arm,
    answers: Object.fromEntries(memberRuns.filter((m) => (m.panelArm ?? "active") === arm && m.panelMemberKey)
      .map((m) => [m.panelMemberKey!, byRun.get(m.id) ?? []])),
  }));
  return planGuesses({ seed: config.seed, answersPerPair: config.answersPerPair, members: spec.members.map((m) => m.key), arms });
}

async function finish(panelRunId: string, workerId: string, status: "done" | "failed", error: string | null): Promise<"done" | "failed"> {
  await db.panelRun.updateMany({
    where: { id: panelRunId, leaseOwner: workerId },
    data: { distinguishStatus: status, distinguishError: error === null ? null : safeErrorText(error), leaseOwner: null, heartbeatAt: null },
  });
  return status;
}
