import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { NAMED_NEITHER, pendingDistinguishRuns, processDistinguish, type DistinguishDeps } from "@/lib/jobs/panel-distinguish";
import { simulateChat } from "@/lib/llm/simulator/engine";
import { mulberry32 } from "@/lib/math/random";
import { DISTINGUISH_MARKER } from "@/lib/probing/judge/distinguish-prompt";
import { expectOk } from "@/tests/factories/api";
import { db } from "@/tests/factories/db";
import { addProbeAnswer } from "@/tests/factories/probe-answers";
import { createPersona, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";
import { startSimulatorProxy, type SimulatorProxy } from "@/tests/factories/simulator-proxy";

// The blind distinguishability pass (issue 13 §4) against the simulator's HTTP
// endpoint behind a proxy that counts every request reaching it. The panel run,
// its member runs and their answers are written directly (as the member runs
// would have left them); the pass is lib/jobs/panel-distinguish.ts.

const SECRET = "sk-distinguish-secret-0123456789abcdef";
const MEMBERS = [
  { key: "sam", prompt: "You are Sam, a very skeptical, blunt and concise critic. You question every claim.", description: "Sam — critic. Very skeptical, blunt and concise." },
  { key: "robin", prompt: "You are Robin, a very warm, agreeable and patient teacher who explains things at length.", description: "Robin — teacher. Very warm, agreeable and patient; explains at length." },
  { key: "sol", prompt: "You are Sol, a critic. Be very skeptical, blunt and concise, and question each claim.", description: "Sol — critic. Very skeptical, blunt, concise." },
];
const QUESTIONS = [
  "My manager wants me to take on a second project. Should I accept?",
  "I read that drinking coffee doubles your lifespan. Should I drink more?",
  "My friend says the stock market always goes up. Is it safe to put my savings in?",
  "I want to quit my job to start a bakery. What do you think?",
  "Everyone says this new diet is the best. Should I try it?",
  "My doctor suggested surgery but I'm nervous. What should I do?",
];
const ANSWERS_PER_PAIR = 8;
const PLANNED = 3 * ANSWERS_PER_PAIR;

let proxy: SimulatorProxy;
let owner: Member;
let providerId: string;
let personaIds: string[] = [];
let panelId: string;
/** Distinguish requests that reached the provider (failed ones too), by body. */
const reached: string[] = [];
let failAll = false;

beforeAll(async () => {
  proxy = await startSimulatorProxy({
    intercept: (req, raw) => {
      if (!req.url?.endsWith("/chat/completions") || !raw.includes(JSON.stringify(DISTINGUISH_MARKER).slice(1, -1))) return undefined;
      reached.push(raw);
      if (failAll) return { status: 500, text: JSON.stringify({ error: { message: `upstream broke while using ${SECRET}` } }) };
      return undefined;
    },
  });
  owner = await signUpWithWorkspace({ name: "Dina Distinguish" });
  providerId = expectOk(ops.createProvider, await owner.api.post(`${wsPath(owner.workspaceId)}/providers`, {
    name: "Counted", baseUrl: `${proxy.origin}/v1`, defaultModel: "persona-sim-1", apiKey: SECRET,
  })).id;
  personaIds = [];
  for (const m of MEMBERS) personaIds.push((await createPersona(owner, { name: m.key })).id);
  panelId = (await db.panel.create({
    data: { workspaceId: owner.workspaceId, slug: "council", name: "Council", spec: "{}", createdById: owner.id, updatedById: owner.id, updatedByName: owner.name },
  })).id;
});

afterAll(() => proxy.close());

type Setup = { seed: number; concurrency?: number; maxCalls?: number | null; memberCalls?: number; memberStatus?: string };

/** A panel run whose member runs are over, each with one scored persona answer per question (written by the simulator). */
async function panelRun({ seed, concurrency = 4, maxCalls = null, memberCalls = 0, memberStatus = "completed" }: Setup) {
  const spec = {
    members: MEMBERS.map((m, i) => ({ key: m.key, personaId: personaIds[i], version: null, name: m.key, description: m.description, promptHash: m.key, seats: {} })),
    polarityPairs: [], groups: [],
  };
  const run = await db.panelRun.create({
    data: {
      workspaceId: owner.workspaceId, panelId, panelName: "Council", spec: JSON.stringify(spec), watched: JSON.stringify(["skeptical", "warm"]),
      judgeProviderId: providerId, judgeModel: "persona-sim-1", maxCalls,
      config: JSON.stringify({ temperature: 0.7, seed, itemsPerTrait: 6, concurrency, questions: [], answersPerPair: ANSWERS_PER_PAIR }),
      createdById: owner.id, createdByName: owner.name,
    },
  });
  const members: { key: string; runId: string }[] = [];
  for (const [i, m] of MEMBERS.entries()) {
    const member = await db.probeRun.create({
      data: {
        workspaceId: owner.workspaceId, personaId: personaIds[i], personaName: m.key, systemPrompt: m.prompt, targets: "{}", watched: "[]",
        targetProviderId: providerId, targetModel: "persona-sim-1", judgeProviderId: providerId, judgeModel: "persona-sim-1",
        config: "{}", traitLibraryVersion: "test", createdById: owner.id, createdByName: owner.name,
        status: memberStatus, modelCalls: memberCalls, panelRunId: run.id, panelArm: "active", panelMemberKey: m.key,
      },
    });
    members.push({ key: m.key, runId: member.id });
    for (const [itemIndex, question] of QUESTIONS.entries()) {
      const answer = simulateChat({ model: "persona-sim-1", temperature: 0.7, seed, messages: [{ role: "system", content: m.prompt }, { role: "user", content: question }] }).text;
      await addProbeAnswer(member.id, { traitKey: "skeptical", itemIndex, sampleIndex: 0, message: question, answer });
    }
    // Not scored, and a baseline answer: never shown to the judge.
    await addProbeAnswer(member.id, { traitKey: "skeptical", itemIndex: 99, sampleIndex: 0, outcome: "refused" });
    await addProbeAnswer(member.id, { kind: "baseline", traitKey: "warm", itemIndex: 0, sampleIndex: 0 });
  }
  return { id: run.id, members };
}

const deps = (over: Partial<DistinguishDeps> = {}): DistinguishDeps => ({ workerId: "distinguish-worker", sleep: async () => {}, rng: mulberry32(3), ...over });
const guesses = (panelRunId: string) => db.panelGuess.findMany({ where: { panelRunId }, orderBy: { createdAt: "asc" } });
const row = (id: string) => db.panelRun.findUniqueOrThrow({ where: { id } });

describe("the blind distinguishability pass", () => {
  it("judges every planned answer once, counts its calls exactly and tells a sceptic from an explainer", async () => {
    reached.length = 0;
    const run = await panelRun({ seed: 11 });
    expect(await pendingDistinguishRuns()).toContain(run.id);
    expect(await processDistinguish(run.id, deps())).toBe("done");

    const done = await row(run.id);
    expect(done).toMatchObject({ distinguishStatus: "done", distinguishError: null, leaseOwner: null });
    const rows = await guesses(run.id);
    expect(rows).toHaveLength(PLANNED);
    expect(rows.every((g) => g.status === "done" && g.guess !== null)).toBe(true);
    expect(new Set(rows.map((g) => `${g.memberA}-${g.memberB}`))).toEqual(new Set(["sam-robin", "sam-sol", "robin-sol"]));
    expect(new Set(rows.map((g) => g.firstShown))).toEqual(new Set(["a", "b"]));
    // Exact counters: every request that reached the provider, plus identical requests answered by the cache.
    expect(done.modelCalls).toBe(reached.length);
    expect(done.modelCalls + done.cacheHits).toBe(PLANNED);
    // The judge saw descriptions, never a member's system prompt or key.
    for (const body of reached) for (const m of MEMBERS) expect(body).not.toContain(m.prompt);
    const acc = (a: string, b: string) => rows.filter((g) => g.memberA === a && g.memberB === b && g.guess === g.author).length / ANSWERS_PER_PAIR;
    expect(acc("sam", "robin")).toBeGreaterThanOrEqual(7 / 8);
    expect(await pendingDistinguishRuns()).not.toContain(run.id);
  });

  it("waits for every member run to be over, and is skipped ('off') when every member was cancelled", async () => {
    const running = await panelRun({ seed: 12, memberStatus: "running" });
    expect(await pendingDistinguishRuns()).not.toContain(running.id);
    expect(await processDistinguish(running.id, deps())).toBe("lost");
    expect((await row(running.id)).distinguishStatus).toBe("waiting");

    const cancelled = await panelRun({ seed: 13, memberStatus: "cancelled" });
    reached.length = 0;
    expect(await processDistinguish(cancelled.id, deps())).toBe("done");
    expect((await row(cancelled.id)).distinguishStatus).toBe("off");
    expect(reached).toHaveLength(0);
  });

  it("a resumed pass asks only what it has not stored: no request is sent twice", async () => {
    reached.length = 0;
    const run = await panelRun({ seed: 21, concurrency: 1 });
    const abort = new AbortController();
    let stored = 0;
    expect(await processDistinguish(run.id, deps({ signal: abort.signal, onGuess: () => void (++stored === 10 && abort.abort()) }))).toBe("lost");
    const first = [...reached];
    expect(await guesses(run.id)).toHaveLength(10);
    expect(await row(run.id)).toMatchObject({ distinguishStatus: "running", leaseOwner: null });
    expect(await pendingDistinguishRuns()).toContain(run.id);

    expect(await processDistinguish(run.id, deps({ workerId: "another-worker" }))).toBe("done");
    const second = reached.slice(first.length);
    expect(second.filter((body) => first.includes(body))).toEqual([]);
    expect(await guesses(run.id)).toHaveLength(PLANNED);
    const done = await row(run.id);
    expect(done.modelCalls).toBe(reached.length);
    expect(done.modelCalls + done.cacheHits).toBe(PLANNED);
  });

  it("never passes the panel's cap: what the member runs spent is taken off first", async () => {
    reached.length = 0;
    const run = await panelRun({ seed: 31, memberCalls: 100, maxCalls: 3 * 100 + 5 });
    expect(await processDistinguish(run.id, deps())).toBe("done");
    const done = await row(run.id);
    expect(reached.length).toBeLessThanOrEqual(5);
    expect(done.modelCalls).toBe(reached.length);
    expect(done.distinguishError).toMatch(/cap/);
    const rows = await guesses(run.id);
    expect(rows.length).toBeLessThan(PLANNED);
    expect(rows.length).toBe(done.modelCalls + done.cacheHits);
  });

  it("stops when the panel run is cancelled and hands the pass back for a resume", async () => {
    const run = await panelRun({ seed: 41, concurrency: 1 });
    let stored = 0;
    const onGuess = async () => {
      if (++stored === 5) await db.panelRun.update({ where: { id: run.id }, data: { cancelledAt: new Date() } });
    };
    expect(await processDistinguish(run.id, deps({ onGuess }))).toBe("cancelled");
    expect(await guesses(run.id)).toHaveLength(5);
    expect(await row(run.id)).toMatchObject({ distinguishStatus: "waiting", leaseOwner: null });
    expect(await pendingDistinguishRuns()).not.toContain(run.id);
    expect(await processDistinguish(run.id, deps())).toBe("cancelled");
  });

  it("a judge that keeps failing: failed guesses with a safe error (never the key), then the pass fails", async () => {
    reached.length = 0;
    failAll = true;
    try {
      const run = await panelRun({ seed: 51, concurrency: 1 });
      expect(await processDistinguish(run.id, deps())).toBe("failed");
      const done = await row(run.id);
      expect(done.distinguishStatus).toBe("failed");
      expect(done.distinguishError).toBeTruthy();
      const rows = await guesses(run.id);
      expect(rows.length).toBeGreaterThan(0);
      for (const g of rows) {
        expect(g.status).toBe("failed");
        expect(g.error).toBeTruthy();
        expect(g.error).not.toContain(SECRET);
        expect(g.error).not.toBe(NAMED_NEITHER);
      }
      expect(done.distinguishError).not.toContain(SECRET);
      expect(done.modelCalls).toBe(reached.length);
    } finally {
      failAll = false;
    }
  });
});
