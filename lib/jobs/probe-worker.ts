import "server-only";
import { setMaxListeners } from "node:events";
import { db } from "@/lib/db/client";
import { insertAnswerOnce, type AnswerInsert } from "@/lib/db/probe-hot-path";
import { CallDeadlines, type DeadlineOptions } from "@/lib/jobs/call-deadlines";
import { cachedChat, type CallDeps, type CallGate } from "@/lib/jobs/model-call";
import { judgeReliabilityPass } from "@/lib/jobs/judge-reliability";
import { PressurePlan, type PressureContext, type Task } from "@/lib/jobs/pressure-plan";
import { runArms } from "@/lib/jobs/run-arms";
import { RunUsage, type Ticket } from "@/lib/jobs/run-usage";
import { plannerStateFor, recordScores, samplingFrom, type MutableSampling } from "@/lib/jobs/sampling-state";
import { SelfReportPlan, type SelfReportContext } from "@/lib/jobs/self-report-plan";
import { CALL_TIMEOUT_MS } from "@/lib/llm/openai-compatible";
import { failureOf, safeErrorText, type KeyHolder } from "@/lib/llm/provider-error";
import { LlmError, type ChatMessage } from "@/lib/llm/types";
import { projectedCostPerCall } from "@/lib/probing/call-projection";
import { parseJudgeOutput, type JudgeOutput } from "@/lib/probing/judge";
import { judgeRequestForAnswer } from "@/lib/probing/judge/answer-order";
import { outcomeAfterJudge, outcomeBeforeJudge, type AnswerOutcome } from "@/lib/probing/outcome";
import { nextRequests, type DoneReason, type SampleRequest } from "@/lib/probing/stats/adaptive";
import { probeTrait, type FrozenCustomTrait, type ProbeTrait } from "@/lib/probing/traits";
import { frozenScenarios, type RunConfig } from "@/lib/services/probes/run-config";
import { isScored } from "@/lib/probing/outcome";
import { SCENARIO_TRAIT_KEY } from "@/lib/probing/scenario-landing";
import { computeAndStoreReport } from "@/lib/services/probes/stored-report";
import { resolveProvider, type ResolvedProvider } from "@/lib/services/providers/resolve-provider";

// Processes one probe run: ask the adaptive planner what to sample, answer each
// probe item under the persona (and under a neutral prompt for the baseline,
// and under each extra arm's prompt: run-arms.ts), judge every answer on all
// watched traits, store it the moment it is judged, repeat until every trait is
// precise or out of budget. Everything it needs to resume is in the database,
// so a crash or restart loses nothing and repeats no paid call (finished calls
// are in the identical-call cache).
//
// Calls, tokens and cost are counted in lib/jobs/run-usage.ts; a run with a cap
// (maxCalls, maxCostUsd) reserves each answer's calls before issuing it, stops
// issuing answers before it would pass the cap, lets those in flight finish
// (a retry that would pass it is not sent: that answer fails "capped") and
// completes on what was answered (capReached).
//
// An answer that is empty, cut short or a bare refusal (lib/probing/outcome.ts)
// is stored with its outcome but never scored: it is asked again once, on the
// same item with a new sample index, and counts toward the trait's budget.
//
// Scenarios (issue 12 §2): the persona's own scenarios frozen into the run
// (ProbeRun.config.scenarios) are a fixed plan beside the adaptive one — each
// asked once in the persona arm and once in the baseline arm (system prompt,
// the scenario's context turns, then its message), judged on every watched
// trait, stored with traitKey SCENARIO_TRAIT_KEY and itemIndex = the
// scenario's index. They never enter a trait's planner state. A scenario
// whose answer failed or was not scored is asked again once (at most
// SCENARIO_ATTEMPTS per arm, counting stored answers on resume).
//
// Pressure conversations and self-report items (issue 14, the contract in
// lib/schemas/pressure.ts) are fixed plans too, in their own files
// (pressure-plan.ts, self-report-plan.ts); the worker lends them its calls, its
// judge, its store and its slots, and issues their work before the adaptive
// plan's: a conversation's turns are the run's longest chain.
//
// Faults (issue 15): the run's lease is renewed by a timer (HEARTBEAT_MS),
// whatever its calls and its loop are doing, and lasts longer than the longest
// single call (LEASE_MS > CALL_TIMEOUT_MS), so no other worker takes over a live
// run. A renewal that finds the run cancelled or taken halts it: nothing more
// is issued and every backoff sleep and wait for a provider slot ends at once;
// requests in flight finish after a cancel (they are paid for) and are cut off
// when another worker took the run. Calls are counted as they are sent
// (model-call.ts CallDeps.record). A resumed run asks again the answers that
// failed (same item and sample index; the new answer replaces the failed row),
// so its budget is spent on answers, not on the provider's outage.

export { NEUTRAL_PROMPT } from "@/lib/jobs/run-arms";
/** How often a worker renews the lease of a run it processes (a timer, independent of calls and of the run loop). */
export const HEARTBEAT_MS = 5_000;
/**
 * A run's lease: longer than the longest single call (the call timeout, CALL_TIMEOUT_MS) plus a margin for
 * a slow database, so a worker waiting on a slow call is never taken for dead. Another worker takes the run
 * over only when no renewal came for this long.
 */
export const LEASE_MS = CALL_TIMEOUT_MS + 30_000;
const MAX_CONSECUTIVE_FAILURES = 8;
/** Attempts per scenario and arm (the first, and one more if it failed or was not scored). */
const SCENARIO_ATTEMPTS = 2;
const SCENARIO_ARMS = ["persona", "baseline"] as const;

export type WorkerDeps = CallDeps & {
  workerId: string;
  now?: () => Date;
  resolve?: (workspaceId: string, providerId: string, model: string) => Promise<ResolvedProvider>;
  /** Called after every stored answer (tests use it to stop a run mid-way). */
  onAnswer?: () => void | Promise<void>;
  /** The lease renewal timer's period (default HEARTBEAT_MS; tests shorten it). */
  heartbeatMs?: number;
  /** The adaptive per-call deadline's settings (lib/jobs/call-deadlines.ts; tests shorten the floor). */
  deadlineOptions?: Partial<DeadlineOptions>;
};

/** An arm's name: "persona", "baseline" or an extra arm's kind (ProbeRun.arms). */
type Kind = string;
/** retry: this request re-asks an item whose answer was not scored (it is not re-asked again). */
type Job = { kind: Kind; req: SampleRequest; retry: boolean };

/** Takes the run if it is queued, or running under a lease that expired (its worker died). */
export async function claimRun(runId: string, workerId: string, now = new Date()): Promise<boolean> {
  const stale = new Date(now.getTime() - LEASE_MS);
  const { count } = await db.probeRun.updateMany({
    where: {
      id: runId,
      OR: [{ status: "queued" }, { status: "running", OR: [{ heartbeatAt: null }, { heartbeatAt: { lt: stale } }] }],
    },
    data: { status: "running", leaseOwner: workerId, heartbeatAt: now },
  });
  if (count) await db.probeRun.updateMany({ where: { id: runId, startedAt: null }, data: { startedAt: now } });
  return count === 1;
}

const LOCAL_OWNER = /^worker-(.+)-(\d+)-[0-9a-f]{8}$/;

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/**
 * After a crash and restart on the same machine, the dead worker's lease would
 * block its run until it expires (LEASE_MS). A worker id names its host and pid,
 * so a lease held by a process of this host that no longer exists is released
 * at once. A pid that was reused by another process just waits for the lease.
 */
export async function releaseDeadLocalLeases(host: string, selfPid = process.pid): Promise<string[]> {
  const held = await db.probeRun.findMany({ where: { status: "running", leaseOwner: { not: null } }, select: { id: true, leaseOwner: true } });
  const dead = held.filter((r) => {
    const m = LOCAL_OWNER.exec(r.leaseOwner!);
    return !!m && m[1] === host && Number(m[2]) !== selfPid && !processAlive(Number(m[2]));
  });
  for (const r of dead) {
    await db.probeRun.updateMany({ where: { id: r.id, status: "running", leaseOwner: r.leaseOwner }, data: { heartbeatAt: null, leaseOwner: null } });
  }
  return dead.map((r) => r.id);
}

/** Runs that need a worker: queued, or running with an expired lease. Oldest first. */
export async function claimableRuns(now = new Date()): Promise<string[]> {
  const stale = new Date(now.getTime() - LEASE_MS);
  const rows = await db.probeRun.findMany({
    where: { OR: [{ status: "queued" }, { status: "running", OR: [{ heartbeatAt: null }, { heartbeatAt: { lt: stale } }] }] },
    orderBy: { createdAt: "asc" },
    select: { id: true },
    take: 5,
  });
  return rows.map((r) => r.id);
}

export async function processRun(runId: string, deps: WorkerDeps): Promise<"completed" | "cancelled" | "failed" | "stopped" | "lost"> {
  const now = deps.now ?? (() => new Date());
  const run = await db.probeRun.findUnique({ where: { id: runId } });
  if (!run || run.status !== "running" || run.leaseOwner !== deps.workerId) return "lost";
  const config = JSON.parse(run.config) as RunConfig;
  const watched = JSON.parse(run.watched) as string[];
  const targets = JSON.parse(run.targets) as Record<string, number>;
  // Custom traits come from the definitions frozen into the run, never from the live table.
  const custom = JSON.parse(run.customTraits) as FrozenCustomTrait[];
  const traitOf = (key: string): ProbeTrait | undefined => custom.find((t) => t.key === key) ?? probeTrait(key);
  const resolve = deps.resolve ?? ((ws, id, model) => resolveProvider({ workspaceId: ws }, id, model));
  let target: ResolvedProvider;
  let judge: ResolvedProvider;
  // Who plays a simulated user in pressure conversations (FrozenPressure.simulatedUser), resolved like the others.
  let simUser: ResolvedProvider | null = null;
  const simUserChoice = config.pressure?.simulatedUser ?? null;
  try {
    target = await resolve(run.workspaceId, run.targetProviderId, run.targetModel);
    judge = await resolve(run.workspaceId, run.judgeProviderId, run.judgeModel);
    if (simUserChoice) simUser = await resolve(run.workspaceId, simUserChoice.providerId, simUserChoice.model);
  } catch (e) {
    // Deleted, refused by PROVIDER_NETWORK=public, or its key no longer opens: the reason is the service's own words.
    const missing = (e as { code?: unknown }).code === "not_found";
    await finish(runId, "failed", `${missing ? "The run's provider is gone" : "The run's provider cannot be used"}: ${(e as Error).message}`);
    return "failed";
  }
  const holders: KeyHolder[] = [target.provider, judge.provider, ...(simUser ? [simUser.provider] : [])];

  const items = watched.map((key) => ({ key, itemCount: traitOf(key)?.probes.length ?? 0 })).filter((t) => t.itemCount > 0);
  const arms = runArms(run, watched);
  const stored = await db.probeAnswer.findMany({ where: { runId } });
  const states: Record<Kind, MutableSampling[]> = Object.fromEntries(arms.map((arm) =>
    [arm.kind, samplingFrom(items.filter((t) => arm.traits.includes(t.key)), stored, arm.kind)]));
  const stateOf = (kind: Kind, key: string) => states[kind].find((s) => s.key === key)!;
  // Answers that failed before (a provider outage, the run's cap, a crash's abort): asked again on resume, on the
  // same item and sample index, within the budget they were already counted in (samplingFrom counts them as issued).
  const failedBefore: Job[] = stored
    .filter((a) => a.status === "failed" && a.traitKey !== SCENARIO_TRAIT_KEY && states[a.kind]?.some((s) => s.key === a.traitKey && a.itemIndex < s.issuedPerItem.length))
    .map((a) => ({ kind: a.kind, req: { traitKey: a.traitKey, itemIndex: a.itemIndex, sampleIndex: a.sampleIndex }, retry: false }));
  const promptOf = Object.fromEntries(arms.map((a) => [a.kind, a.systemPrompt]));
  // Scenario plan state from the stored answers: attempts made and whether one was scored, per arm and scenario.
  const scenarios = frozenScenarios(config);
  const scenarioState = Object.fromEntries(SCENARIO_ARMS.map((kind) => [kind, scenarios.map(() => ({ attempts: 0, scored: false }))]));
  for (const a of stored) {
    const st = a.traitKey === SCENARIO_TRAIT_KEY ? scenarioState[a.kind]?.[a.itemIndex] : undefined;
    if (!st) continue;
    st.attempts = Math.max(st.attempts, a.sampleIndex + 1);
    if (a.status === "done" && isScored(a)) st.scored = true;
  }
  const isScenario = (job: Job) => job.req.traitKey === SCENARIO_TRAIT_KEY;
  /** Scenarios still to ask (not scored, attempts left, none in flight), each with its next sample index. */
  const scenarioJobs = (): Job[] => SCENARIO_ARMS.flatMap((kind) => scenarioState[kind].flatMap((st, itemIndex) => {
    const inFlight = [...pendingRequests].some((p) => isScenario(p) && p.kind === kind && p.req.itemIndex === itemIndex);
    if (st.scored || st.attempts >= SCENARIO_ATTEMPTS || inFlight) return [];
    return [{ kind, req: { traitKey: SCENARIO_TRAIT_KEY, itemIndex, sampleIndex: st.attempts++ }, retry: false }];
  }));
  // Before any call comes back, money is projected from the largest requests at the providers' prices.
  const chars = (messages: readonly { content: string }[]) => messages.reduce((n, m) => n + m.content.length, 0);
  const longestItem = Math.max(0, ...items.flatMap((t) => traitOf(t.key)!.probes.map((p) => p.text.length)),
    ...scenarios.map((sc) => sc.message.length + chars(sc.context ?? [])));
  const projected = target.prices && judge.prices ? projectedCostPerCall({
    targetPromptChars: Math.max(0, ...arms.map((a) => a.systemPrompt.length)) + longestItem,
    judgePromptChars: chars(judgeRequestForAnswer({ answer: "", question: "", traitKeys: watched, model: run.judgeModel, traits: custom }).request.messages) + longestItem,
    watched: watched.length,
    prices: { target: target.prices, judge: judge.prices },
  }) : 0;
  // Money is counted only when every provider that answers has prices (a simulated user's included).
  const usage = new RunUsage(run, Boolean(target.prices && judge.prices && (!simUser || simUser.prices)), projected);
  await usage.start();
  const stats = usage.stats;
  // The run's own signals. `halted`: the worker stops (deps.halt or deps.signal), or a lease renewal finds the run cancelled
  // or taken — no new call, and every backoff sleep and slot wait ends at once. `aborted`: the worker stops or
  // the lease was taken — the requests in flight are cut off too (after a cancel they finish: they are paid for).
  const halted = new AbortController();
  const aborted = new AbortController();
  for (const c of [halted, aborted]) setMaxListeners(0, c.signal); // every call in flight listens
  const abortRun = () => {
    halted.abort();
    aborted.abort();
  };
  if (deps.signal?.aborted) abortRun();
  deps.signal?.addEventListener("abort", abortRun, { once: true });
  // The worker stopping gracefully (deps.halt): no new call; the calls in flight finish and land in the call cache.
  const haltRun = () => halted.abort();
  if (deps.halt?.aborted) haltRun();
  deps.halt?.addEventListener("abort", haltRun, { once: true });
  const callDeps: CallDeps = {
    ...deps, signal: aborted.signal, halt: halted.signal, record: usage.record,
    deadlines: new CallDeadlines({ maxMs: CALL_TIMEOUT_MS, ...deps.deadlineOptions }),
  };
  const pendingRequests = new Set<Job>();
  let consecutiveFailures = 0;
  let fatal: LlmError | null = null;

  /**
   * Judges one answer on every watched trait. The trait order is fixed per answer, so the same (cached)
   * answer gets the same judge request and its cached verdict. Malformed judge output is retried (never
   * cached), then thrown as a failure — never a silent zero.
   */
  const judgeAnswer = async (question: string, answer: string, gate: CallGate) => {
    const { request: judgeReq, order } = judgeRequestForAnswer({ answer, question, traitKeys: watched, model: run.judgeModel, traits: custom });
    const judged: { out: JudgeOutput | null } = { out: null };
    const accept = (text: string) => (judged.out = parseJudgeOutput(text, watched)).ok;
    const verdict = await cachedChat(run.workspaceId, judge, judgeReq, stats, { ...callDeps, gate }, accept);
    const ok = judged.out ?? parseJudgeOutput(verdict.text, watched); // a cache hit skips `accept`
    if (!ok.ok) throw new LlmError("invalid_output", ok.reason);
    return { outcome: outcomeAfterJudge(ok) as AnswerOutcome, fields: { scores: JSON.stringify(ok.scores), refusal: ok.refusal, judgeOrder: JSON.stringify(order) }, scores: ok.scores };
  };

  /** A failed answer: notes a fatal error or one more failure in a row; the error to store, or null when it was aborted (stopping). */
  const failed = (e: unknown): string | null => {
    const err = failureOf(e, ...holders);
    if (err.kind === "aborted") return null;
    // A bad key, an unknown model, a redirect elsewhere or a refused address will not get better by trying more items.
    if (err.kind === "auth" || err.kind === "bad_request" || err.kind === "redirected" || err.kind === "blocked") fatal = err;
    // Stopped at the run's cap: not the provider's failure (the run completes capped).
    if (err.kind !== "capped") consecutiveFailures++;
    return safeErrorText(`${err.kind}: ${err.message}`, ...holders);
  };

  // The fixed plans of issue 14 (pressure-plan.ts, self-report-plan.ts), rebuilt from the stored answers.
  const pressure = config.pressure ? new PressurePlan(config.pressure, config.seed, stored) : null;
  const selfReport = config.selfReport ? new SelfReportPlan(config.selfReport, stored) : null;
  const ask = (provider: ResolvedProvider, model: string, messages: ChatMessage[], seed: number, gate: CallGate, accept?: (text: string) => boolean) =>
    cachedChat(run.workspaceId, provider, { model, messages, temperature: config.temperature, seed }, stats, { ...callDeps, gate }, accept);
  const shared = {
    runId, systemPrompt: promptOf.persona, store, failed, onAnswer: deps.onAnswer,
    succeeded: () => void (consecutiveFailures = 0),
  };
  const pressureCtx: PressureContext = {
    ...shared,
    target: (messages, seed, gate) => ask(target, run.targetModel, messages, seed, gate),
    user: simUser && simUserChoice ? (messages, seed, gate, accept) => ask(simUser!, simUserChoice.model, messages, seed, gate, accept) : null,
    judge: judgeAnswer,
  };
  const selfReportCtx: SelfReportContext = {
    ...shared,
    target: (messages, sampleIndex, gate) => ask(target, run.targetModel, messages, config.seed + sampleIndex, gate),
  };
  /** The fixed plans' next piece of work, pressure first; null when none is ready or the cap stops it. */
  const fixedTask = (): Task | null => {
    const reserve = (calls: number) => usage.reserve(calls);
    return pressure?.nextTask(pressureCtx, reserve) ?? selfReport?.nextTask(selfReportCtx, reserve) ?? null;
  };
  const fixedPending = () => Boolean(pressure?.pending(usage.reached) || selfReport?.pending(usage.reached));

  /** Not scored: ask the same item once more with a new sample index, within the trait's budget. */
  const retry = (job: Job) => {
    const state = stateOf(job.kind, job.req.traitKey);
    if (job.retry || state.issuedPerItem.reduce((n, x) => n + x, 0) >= config.budgetPerTrait) return;
    const req = { ...job.req, sampleIndex: state.issuedPerItem[job.req.itemIndex]++ };
    queue.unshift({ kind: job.kind, req, retry: true });
  };

  /**
   * One answer: the model calls hold a slot; the row is written after the slot is
   * released (`release`), so the next call leaves while this one is stored. Its
   * scores reach the planner's state before the release, so planning never
   * waits on the database.
   */
  const answerOne = async (job: Job, ticket: Ticket, release: () => void) => {
    const { kind, req } = job;
    const answerDeps = { ...callDeps, gate: ticket };
    // Yield to the event loop: with an in-process model (the simulator) nothing
    // here waits on I/O, and the web server sharing this process must keep answering.
    await new Promise<void>((resolve) => setImmediate(resolve));
    const scenario = isScenario(job) ? scenarios[req.itemIndex] : null;
    const item = scenario ? { text: scenario.message } : traitOf(req.traitKey)!.probes[req.itemIndex];
    const unique = { runId, kind, traitKey: req.traitKey, itemIndex: req.itemIndex, sampleIndex: req.sampleIndex };
    try {
      const gen = await cachedChat(run.workspaceId, target, {
        model: run.targetModel,
        messages: [{ role: "system", content: promptOf[kind] }, ...(scenario?.context ?? []), { role: "user", content: item.text }],
        temperature: config.temperature,
        seed: config.seed + req.sampleIndex,
      }, stats, answerDeps);
      const provider = { finishReason: gen.finishReason, servedModel: gen.servedModel, promptTokens: gen.promptTokens };
      let outcome: AnswerOutcome | null = outcomeBeforeJudge(gen);
      let judgedFields: { scores: string; refusal: boolean; judgeOrder: string } | { refusal: boolean | null } = { refusal: outcome === "refused" ? true : null };
      let scores: Record<string, number | null> | null = null;
      if (outcome === null) {
        const judged = await judgeAnswer(item.text, gen.text, ticket);
        ({ outcome, fields: judgedFields, scores } = judged);
      }
      if (scenario) scenarioState[kind][req.itemIndex].scored ||= outcome === "scored"; // not scored: scenarioJobs asks again
      else if (outcome !== "scored") retry(job);
      else if (scores) recordScores(states[kind], req.traitKey, req.itemIndex, scores);
      consecutiveFailures = 0;
      release();
      await store({ ...unique, message: item.text, answer: gen.text, ...judgedFields, outcome, ...provider, status: "done", latencyMs: gen.latencyMs, tokens: gen.tokens });
    } catch (e) {
      release();
      const error = failed(e);
      if (error === null) return;
      await store({ ...unique, message: item.text, status: "failed", error });
    }
    await deps.onAnswer?.();
  };

  // A pipeline, not rounds: keep `concurrency` answers in flight; when the
  // planned queue runs dry, ask the planner again (it counts what is still in
  // flight), so no slot idles waiting for the slowest answer of a batch.
  let done: Record<string, DoneReason> = {};
  const queue: Job[] = [];
  /** Every answer not yet stored; `calling` of them still hold a slot (their model calls are running). */
  const inflight = new Set<Promise<void>>();
  let calling = 0;
  let wake = () => {};
  let woken = new Promise<void>((resolve) => (wake = resolve));
  const nudge = () => {
    wake();
    woken = new Promise<void>((resolve) => (wake = resolve));
  };
  halted.signal.addEventListener("abort", () => nudge(), { once: true });
  const sampling = { targetHalfWidth: config.targetHalfWidth, budget: config.budgetPerTrait, maxBatch: config.concurrency * 2 };
  /** Runs one piece of work in a slot; `release` frees the slot (and runs `onRelease`) once its model calls are over. */
  const launch = (work: Task, onRelease: () => void = () => {}) => {
    calling++;
    let held = true;
    const release = () => {
      if (!held) return;
      held = false;
      onRelease();
      calling--;
      nudge();
    };
    const task: Promise<void> = work(release).finally(() => {
      release();
      inflight.delete(task);
      nudge();
    });
    inflight.add(task);
  };

  type Lease = "ok" | "cancelled" | "lost";
  let lease: Lease = "ok";
  /** Renews the lease, and notices a cancel: the update only succeeds while the run is still ours and running. */
  const beat = async (): Promise<Lease> => {
    if (lease !== "ok") return lease;
    const alive = await db.probeRun.updateMany({
      where: { id: runId, status: "running", leaseOwner: deps.workerId },
      data: { heartbeatAt: now(), doneTraits: JSON.stringify(done) },
    });
    if (alive.count > 0 || lease !== "ok") return lease;
    const current = await db.probeRun.findUnique({ where: { id: runId }, select: { status: true } });
    lease = current?.status === "cancelled" ? "cancelled" : "lost";
    // Not ours any more: no new call, every sleep and wait ends now; another worker's run: cut off what is in flight.
    if (lease === "lost") abortRun();
    else halted.abort();
    nudge();
    return lease;
  };
  // The heartbeat timer: renews the lease while calls are in flight and the loop waits on them.
  let beating = false;
  const heartbeat = setInterval(() => {
    if (beating) return;
    beating = true;
    beat().catch((e: unknown) => console.error(`[probe-worker] run ${runId}: lease renewal failed (tried again on the next beat)`, e))
      .finally(() => (beating = false));
  }, deps.heartbeatMs ?? HEARTBEAT_MS);
  heartbeat.unref?.();

  const stop = async (): Promise<"cancelled" | "lost" | "failed" | "stopped" | null> => {
    if (deps.signal?.aborted || deps.halt?.aborted) return "stopped";
    if (lease !== "ok") return lease;
    if (fatal || consecutiveFailures >= MAX_CONSECUTIVE_FAILURES) {
      await Promise.allSettled(inflight);
      const alive = await beat();
      if (alive !== "ok") return alive;
      const reason = fatal
        ? (fatal as LlmError).message
        : `${consecutiveFailures} answers in a row failed; the answers so far are kept — resume the run when the provider is back`;
      await finish(runId, "failed", safeErrorText(reason, ...holders));
      return "failed";
    }
    return null;
  };

  try {
    // First the answers that failed before this run was resumed, with their own item and sample index.
    queue.push(...failedBefore);
    for (;;) {
      const halt = await stop();
      if (halt) {
        if (halt !== "failed") await Promise.allSettled(inflight);
        return halt;
      }
      if (queue.length === 0 && !usage.reached) {
        for (const arm of arms) for (const s of states[arm.kind]) s.pending = 0;
        for (const p of pendingRequests) if (!isScenario(p)) stateOf(p.kind, p.req.traitKey).pending++;
        for (const arm of arms) {
          const plan = nextRequests(plannerStateFor(arm.kind, states, targets), sampling);
          if (arm.kind === "persona") done = plan.done;
          queue.push(...plan.requests.map((req) => ({ kind: arm.kind, req, retry: false })));
        }
        for (const { kind, req } of queue) stateOf(kind, req.traitKey).issuedPerItem[req.itemIndex]++;
        queue.push(...scenarioJobs());
      }
      if (queue.length === 0 && inflight.size === 0 && !fixedPending()) {
        // Judge reliability (lib/jobs/judge-reliability.ts): retest and panel judgments of a sample, before completing.
        const paused = usage.reached ? null : await judgeReliabilityPass(run, judge, stats, { ...callDeps, gate: usage.gate() }, stop, (calls) => usage.allowsAnswer(calls));
        if (paused) return paused;
        // Stopped at a cap: the traits still sampling stopped on the budget, like a trait whose own budget ran out.
        if (usage.reached) for (const key of watched) done[key] ??= "budget";
        const alive = await beat();
        if (alive !== "ok") return alive;
        await finish(runId, "completed", null, usage.reached);
        await computeAndStoreReport(runId); // computed once, served from storage (never throws)
        return "completed";
      }
      // At most `concurrency` answers calling models, and as many again being stored: writes cannot pile up behind a slow database.
      // The fixed plans' work (pressure turns and judges, self-report items) goes first when a slot frees.
      while (calling < config.concurrency && inflight.size < 2 * config.concurrency) {
        const fixed = fixedTask();
        if (fixed) {
          launch(fixed);
          continue;
        }
        if (queue.length === 0) break;
        const ticket = usage.reserve();
        if (!ticket) {
          queue.length = 0;
          break;
        }
        const job = queue.shift()!;
        pendingRequests.add(job);
        launch((release) => answerOne(job, ticket, release), () => {
          ticket.release();
          pendingRequests.delete(job);
        });
      }
      if (inflight.size > 0) await woken;
    }
  } finally {
    clearInterval(heartbeat);
    deps.signal?.removeEventListener("abort", abortRun);
    deps.halt?.removeEventListener("abort", haltRun);
    // Nothing of this run may still be calling when it returns.
    halted.abort();
    await Promise.allSettled(inflight);
  }
}

/**
 * One insert per answer (plain SQL: lib/db/probe-hot-path.ts); the unique key turns a repeat (a resumed run
 * racing an old worker) into a no-op, except over a failed answer: the answer asked again in its place replaces it.
 */
async function store(data: Parameters<typeof db.probeAnswer.create>[0]["data"]) {
  if (await insertAnswerOnce(data as AnswerInsert)) return;
  const { runId, kind, traitKey, itemIndex, sampleIndex } = data as { runId: string; kind: string; traitKey: string; itemIndex: number; sampleIndex: number };
  await db.probeAnswer.updateMany({ where: { runId, kind, traitKey, itemIndex, sampleIndex, status: "failed" }, data: { ...data, error: data.error ?? null } });
}

async function finish(runId: string, status: "completed" | "failed", error: string | null, capReached = false) {
  await db.probeRun.updateMany({
    where: { id: runId, status: "running" },
    // Redacted again right before it is stored (environment key, key-shaped strings), like every stored error.
    data: { status, error: error === null ? null : safeErrorText(error), finishedAt: new Date(), leaseOwner: null, ...(capReached ? { capReached } : {}) },
  });
}
