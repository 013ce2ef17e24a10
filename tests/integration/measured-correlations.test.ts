import { beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { pearson } from "@/lib/probing/stats/correlation";
import { SIMULATOR_PROVIDER_ID } from "@/lib/schemas/provider";
import { expectOk } from "@/tests/factories/api";
import { db } from "@/tests/factories/db";
import { buildSpec, createPersona, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";

// Issue 11 §2 in the composer's coherence card: what the workspace's runs
// measured about a trait pair is the WITHIN-ITEM correlation, per persona and
// model (never pooled across personas), beside the baseline arm's from the same
// runs. Runs and answers are inserted directly with controlled scores, so the
// expected values are exact:
//   items give one trait room — empathetic items sit at (80, 20), firm items at
//   (20, 80) — so the correlation over all answers is strongly negative, while
//   the deviations from each item's mean are built with a known within-item r.

// Four answers per item; answer j + 2 mirrors answer j, so any two of them sum to 0.
const DX = [-6, -2, 6, 2];
const PATTERN = {
  pos: [-2, -6, 2, 6], // Σdxdy = +48, Σdx² = Σdy² = 80: r = +0.6
  neg: [2, 6, -2, -6], // r = −0.6
  tradeoff: [6, -2, -6, 2], // r = −0.8
  zero: [-2, 6, 2, -6], // r = 0
} as const;
type Pattern = keyof typeof PATTERN | ((item: number) => keyof typeof PATTERN);
const ITEMS = 8; // per trait: 16 items of 4 answers

let owner: Member;
let other: Member;
let ana: string;
let bella: string;
let cora: string;

type RunSpec = {
  member: Member; personaId: string; personaName: string; provider: string; model: string;
  mode?: "landing" | "range"; persona: Pattern; baseline: Pattern; shift?: [number, number]; finishedAgo?: number;
  /** Run k of a series asks each item once: item i gets answer (k + i) mod 4. All four when absent. */
  sample?: number;
};

function rows(pattern: Pattern, shift: [number, number] = [0, 0], sample?: number) {
  const out: { traitKey: string; itemIndex: number; sampleIndex: number; scores: { empathetic: number; firm: number } }[] = [];
  for (const traitKey of ["empathetic", "firm"]) {
    const [e, f] = traitKey === "empathetic" ? [80, 20] : [20, 80];
    for (let itemIndex = 0; itemIndex < ITEMS; itemIndex++) {
      const dy = PATTERN[typeof pattern === "function" ? pattern(itemIndex) : pattern];
      DX.forEach((dx, sampleIndex) => (sample === undefined || (sample + itemIndex) % 4 === sampleIndex) && out.push({ traitKey, itemIndex, sampleIndex, scores: { empathetic: e + dx + shift[0], firm: f + dy[sampleIndex] + shift[1] } }));
    }
  }
  return out;
}

async function insertRun(s: RunSpec) {
  const run = await db.probeRun.create({
    data: {
      workspaceId: s.member.workspaceId, personaId: s.personaId, personaName: s.personaName, systemPrompt: "You are someone.",
      targets: JSON.stringify({ empathetic: 90, firm: 90 }), watched: JSON.stringify(["empathetic", "firm"]),
      targetProviderId: s.provider, targetModel: s.model, judgeProviderId: s.provider, judgeModel: s.model,
      config: "{}", traitLibraryVersion: "1", mode: s.mode ?? "landing", status: "completed",
      createdById: s.member.id, createdByName: s.member.name, finishedAt: new Date(Date.now() - (s.finishedAgo ?? 0)),
    },
  });
  const answer = (kind: string, r: ReturnType<typeof rows>[number], i: number) => ({
    runId: run.id, kind, traitKey: r.traitKey, itemIndex: r.itemIndex, sampleIndex: r.sampleIndex, message: "m", answer: "a",
    scores: JSON.stringify(r.scores), status: "done", outcome: i % 2 ? "scored" : null, // old rows have no outcome
  });
  await db.probeAnswer.createMany({
    data: [...rows(s.persona, s.shift, s.sample).map((r, i) => answer("persona", r, i)), ...rows(s.baseline, [0, 0], s.sample).map((r, i) => answer("baseline", r, i))],
  });
  return run.id;
}

const measured = async (m: Member, personaId?: string) => {
  const res = expectOk(ops.measuredCorrelations, await m.api.get(`${wsPath(m.workspaceId)}/measured-correlations`, { traits: "empathetic,firm", ...(personaId ? { personaId } : {}) }));
  expect(res.pairs).toHaveLength(1);
  return res.pairs[0].measured;
};

beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Mina" });
  other = await signUpWithWorkspace({ name: "Otto" });
  const spec = buildSpec({ traitTargets: { empathetic: 90, firm: 90 } });
  ana = (await createPersona(owner, { name: "Ana", spec })).id;
  bella = (await createPersona(owner, { name: "Bella", spec })).id;
  cora = (await createPersona(other, { name: "Cora", spec })).id;
  const anaRun = { member: owner, personaId: ana, personaName: "Ana", provider: "prov-openai", model: "gpt-test", baseline: "tradeoff" } as const;
  // Ana: no within-item trade-off (items alternate +0.6 / −0.6), four runs that each ask every item
  // once (so the within-item information is in the pooling), later versions moving both traits
  // (e.g. +10 / −5 on every answer) — a shift between runs, not a within-item trade-off.
  const alternate = (item: number): keyof typeof PATTERN => (item % 2 ? "neg" : "pos");
  const shifts: [number, number][] = [[0, 0], [10, -5], [-4, 6], [3, 3]];
  const [first] = await Promise.all(shifts.map((shift, sample) => insertRun({ ...anaRun, persona: alternate, shift, sample, finishedAgo: 60_000 - sample * 1000 })));
  // Answers that are not scores: refused / empty outcomes and failed answers would add a strong
  // positive covariance on item empathetic#0 if they were counted.
  await db.probeAnswer.createMany({
    data: [[100, 100, "refused", "done"], [0, 0, "empty", "done"], [100, 100, null, "failed"], [0, 0, null, "failed"]].map(([e, f, outcome, status], i) => ({
      runId: first, kind: "persona", traitKey: "empathetic", itemIndex: 0, sampleIndex: 10 + i, message: "m", answer: "",
      scores: JSON.stringify({ empathetic: e, firm: f }), status: status as string, outcome: outcome as string | null,
    })),
  });
  // A range check of Ana on the same model: other prompts, never pooled in.
  await insertRun({ ...anaRun, mode: "range", persona: "pos", baseline: "pos", finishedAgo: 10_000 });
  // Bella on the simulator: a within-item trade-off the neutral assistant does not have.
  await insertRun({ member: owner, personaId: bella, personaName: "Bella", provider: SIMULATOR_PROVIDER_ID, model: "sim-model", persona: "tradeoff", baseline: "zero", finishedAgo: 0 });
  // Another workspace's persona with strongly positive within-item r, on Ana's model.
  await insertRun({ member: other, personaId: cora, personaName: "Cora", provider: "prov-openai", model: "gpt-test", persona: "pos", baseline: "pos" });
});

describe("measured correlations", () => {
  it("are per persona and model, never pooled across personas; the persona being edited comes first", async () => {
    const forAna = await measured(owner, ana);
    expect(forAna.map((m) => [m.personaName, m.model, m.simulated])).toEqual([["Ana", "gpt-test", false], ["Bella", "sim-model", true]]);
    expect(forAna.map((m) => m.personaId)).toEqual([ana, bella]);
    const forBella = await measured(owner, bella);
    expect(forBella.map((m) => m.personaName)).toEqual(["Bella", "Ana"]);
    expect(forBella).toEqual([forAna[1], forAna[0]]); // the same figures, only the order changes (deterministic bootstrap)
    // Without a persona: the most recently measured first.
    expect((await measured(owner)).map((m) => m.personaName)).toEqual(["Bella", "Ana"]);

    const [a, b] = forAna;
    expect(b).toMatchObject({ r: -0.8, baselineR: 0, n: 64, items: 16, runs: 1, difference: { estimate: -0.8 } });
    expect(b.difference!.lo).toBeLessThanOrEqual(-0.8);
    expect(b.difference!.hi).toBeGreaterThanOrEqual(-0.8);
    expect(a.r).not.toBe(b.r);
  });

  it("is the within-item r relative to the baseline, not the answer-level r that item design drives", async () => {
    const [a] = await measured(owner, ana);
    // Ana's persona answers: over all answers the two traits look like a strong trade-off …
    const answers = await db.probeAnswer.findMany({ where: { run: { personaId: ana, mode: "landing" }, kind: "persona", status: "done", OR: [{ outcome: null }, { outcome: "scored" }] } });
    expect(answers).toHaveLength(64);
    const pooled = pearson(answers.map((x) => JSON.parse(x.scores!)), "empathetic", "firm");
    expect(pooled.r!).toBeLessThan(-0.8);
    // … within items there is none (pooled over the four runs, each run's offset removed), while
    // the neutral assistant trades them off at −0.8: the persona holds the pair together better.
    expect(a).toMatchObject({ r: 0, baselineR: -0.8, runs: 4, items: 16, n: 64 });
    expect(a.difference!.estimate).toBe(0.8);
    expect(a.difference!.lo).toBeLessThan(0.8);
    expect(a.difference!.hi).toBeGreaterThan(0.8);
    expect(a.difference!.lo).toBeGreaterThan(0); // items alternate ±0.6: an interval, clearly above 0
  });

  it("ignore range checks, unscored answers and other workspaces' runs", async () => {
    const [a] = await measured(owner, ana);
    // Range run (r = +0.6 everywhere), refused/empty/failed answers: none counted (runs 4, n 64, r 0 as above).
    expect(a).toMatchObject({ runs: 4, n: 64, r: 0 });
    const own = await measured(owner, cora);
    expect(own.map((m) => m.personaName)).toEqual(["Bella", "Ana"]); // Cora's id from another workspace: as if none was given
    expect(JSON.stringify(own)).not.toContain(cora);
    const theirs = await measured(other, ana);
    expect(theirs).toEqual([expect.objectContaining({ personaId: cora, personaName: "Cora", r: 0.6, baselineR: 0.6, runs: 1 })]);
  });
});
