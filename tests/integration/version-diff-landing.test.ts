import { beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { claimRun, processRun, type WorkerDeps } from "@/lib/jobs/probe-worker";
import { SimulatorProvider } from "@/lib/llm/simulator/provider";
import { mulberry32 } from "@/lib/math/random";
import type { PersonaSpec } from "@/lib/schemas/persona";
import type { ResolvedProvider } from "@/lib/services/providers/resolve-provider";
import { expectOk } from "@/tests/factories/api";
import { db } from "@/tests/factories/db";
import { buildSpec, createPersona, personaPath, saveDraft, saveVersion, signUpWithWorkspace, type Member } from "@/tests/factories/personas";

// The version diff says where each version lands: both versions probed with the
// worker against the simulator, then the diff route compares their runs item by
// item (both answer the same library items): landing change with a paired
// interval, distance to ONE fixed target (the newer version's), and flag changes
// called new/resolved only when the move behind them is clear.
//
// The scenario (methods §5–6): v1 is a hand-written prompt, "kind but firm". It
// never said "always", so its landings are judged against the number (95 ± 10)
// and both land short (≈ 70) → "pull apart: both land short". A hand-written
// prompt cannot be recompiled with one target alone, so there are no control
// arms and the flag never claims a compromise. v2 gives the same 95/95 targets
// a character type that holds both (the compiled ER triage nurse): it lands
// inside its instructed window ("always", 85–100 ± 10) and gets no pair flag.

const WATCHED = ["empathetic", "firm", "warm", "assertive"];
const simulator = new SimulatorProvider();
const deps: WorkerDeps = {
  workerId: "test-worker", sleep: async () => {}, rng: mulberry32(1),
  resolve: async (_w, _p, model): Promise<ResolvedProvider> => ({ provider: simulator, providerId: "simulator", model, simulated: true, endpoint: "simulator" }),
};

let owner: Member;

/** A bare trait list: no archetype, background, values or voice to reconcile the two targets. */
const bare = (targets: Record<string, number>): PersonaSpec => buildSpec({
  name: "Eva", archetype: "", background: "", values: [], boundaries: [],
  voice: { register: "neutral", tone: "", length: "moderate" }, traitTargets: targets,
});

/** A hand-written prompt (promptOverride) asking for both, in two adjectives, with the targets given. */
const kindButFirm = (targets: Record<string, number>): PersonaSpec => ({
  ...bare(targets), promptOverride: "You are Eva. You are kind but firm with the people you help.",
});

/** A persona with v1 = `first`, v2 = `second`, and the draft equal to v2. */
async function twoVersions(first: PersonaSpec, second: PersonaSpec) {
  const persona = await createPersona(owner, { name: first.name, spec: first });
  await saveVersion(owner, persona.id, persona.revision, first.promptOverride ? "Hand-written prompt" : "Trait list only");
  const edited = await saveDraft(owner, persona.id, persona.revision, second);
  await saveVersion(owner, persona.id, edited.revision, "A triage nurse");
  return { id: persona.id, path: personaPath(owner.workspaceId, persona.id) };
}

/** The item indexes of `trait`'s own items on which a run has a scored persona answer with a score for it. */
async function scoredItems(runId: string, trait: string): Promise<Set<number>> {
  const rows = await db.probeAnswer.findMany({ where: { runId, kind: "persona", status: "done", traitKey: trait } });
  const scored = rows.filter((r) => (r.outcome === null || r.outcome === "scored") && r.scores && typeof JSON.parse(r.scores)[trait] === "number");
  return new Set(scored.map((r) => r.itemIndex));
}

async function probe(path: string, version: number) {
  const run = expectOk(ops.createProbeRun, await owner.api.post(`${path}/probe-runs`, { version, traits: WATCHED }));
  expect(await claimRun(run.id, deps.workerId)).toBe(true);
  expect(await processRun(run.id, deps)).toBe("completed");
  return run;
}

const getDiff = async (path: string, from: number | "draft", to: number | "draft") =>
  expectOk(ops.diff, await owner.api.get(`${path}/diff`, { from, to }));

const isEmpatheticFirm = (f: { kind: string; traits: string[] }) =>
  (f.kind === "tension" || f.kind === "compromise") && f.traits.includes("empathetic") && f.traits.includes("firm");

const getRun = async (runId: string) =>
  expectOk(ops.getProbeRun, await owner.api.get(`/api/workspaces/${owner.workspaceId}/probe-runs/${runId}`));

beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Lina" });
});

describe("both versions probed", () => {
  let path: string;
  let runs: { v1: string; v2: string };

  beforeAll(async () => {
    // Same 95/95 targets: v1 says them in two hand-written adjectives, v2 compiles them with a character that holds both.
    const persona = await twoVersions(
      kindButFirm({ empathetic: 95, firm: 95 }),
      { ...bare({ empathetic: 95, firm: 95 }), archetype: "a veteran ER triage nurse" },
    );
    path = persona.path;
    runs = { v1: (await probe(path, 1)).id, v2: (await probe(path, 2)).id };
  });

  it("compares the newest completed run of each version, trait by trait", async () => {
    const diff = await getDiff(path, 1, 2);
    expect(diff.landingNote).toBeNull();
    const landing = diff.landing!;
    expect(landing.from).toMatchObject({ runId: runs.v1, version: 1, model: "persona-sim-1", simulated: true });
    expect(landing.to).toMatchObject({ runId: runs.v2, version: 2, simulated: true });
    expect(landing.from.finishedAt).not.toBeNull();
    expect(landing.caveat).toBeNull();

    const rows = landing.comparison.rows;
    expect(rows.map((r) => r.key).sort()).toEqual([...WATCHED].sort());
    expect(landing.comparison.targetsChanged).toEqual([]);
    for (const r of rows) {
      expect(r.a!.n).toBeGreaterThan(0);
      // Paired over exactly the items of the trait both runs have a scored answer on (the adaptive plan may stop
      // one run earlier, and an untargeted trait may stop early on the all-items shift).
      const [inA, inB] = [await scoredItems(runs.v1, r.key), await scoredItems(runs.v2, r.key)];
      expect(r.items, r.key).toBe([...inA].filter((i) => inB.has(i)).length);
      expect(r.items, r.key).toBeGreaterThan(1);
      // A targeted trait stops on its landing only after 12 distinct items (methods §1).
      if (r.key === "empathetic" || r.key === "firm") expect(r.items, r.key).toBeGreaterThanOrEqual(12);
      expect(r.deltaInterval!.lo).toBeLessThan(r.delta!);
      expect(r.clear).toBe(r.deltaInterval!.lo > 0 || r.deltaInterval!.hi < 0);
      expect(r.targetChanged).toBe(false);
    }
    // The same numbers as each run's own report page.
    const v1 = await getRun(runs.v1);
    for (const r of v1.report.rows) expect(rows.find((x) => x.key === r.key)!.a!.mean).toBe(r.landing.mean);
  });

  it("shows both targeted traits moving clearly toward 95, and v2 landing closer overall", async () => {
    const { comparison } = (await getDiff(path, 1, 2)).landing!;
    for (const key of ["empathetic", "firm"]) {
      const r = comparison.rows.find((x) => x.key === key)!;
      expect(r, key).toMatchObject({ target: 95, targetA: 95, targetB: 95, clear: true, towardTarget: "closer" });
      expect(r.delta!, key).toBeGreaterThan(0);
    }
    expect(comparison.distance.a.traits).toBe(2);
    expect(comparison.distance.closer).toBe("b");
    expect(comparison.distance.b.rms!).toBeLessThan(comparison.distance.a.rms!);
  });

  it("judges the hand-written v1 against the number and the compiled v2 against its instructed band", async () => {
    const [v1, v2] = [await getRun(runs.v1), await getRun(runs.v2)];
    for (const key of ["empathetic", "firm"]) {
      const [a, b] = [v1.report.rows.find((r) => r.key === key)!, v2.report.rows.find((r) => r.key === key)!];
      // v1 never said "always": against 95 ± 10, its whole interval is short.
      expect(a.judged, key).toMatchObject({ against: "target", verdict: "miss", window: { lo: 85 } });
      expect(a.landing.hi!, key).toBeLessThan(85);
      // v2 said "always" (targets 85–100): its landing, below 95 as it is, lies inside 75 and up.
      expect(b.instructed, key).toMatchObject({ lo: 85, hi: 100 });
      expect(b.judged, key).toMatchObject({ against: "instructed", verdict: "within tolerance", window: { lo: 75 } });
      expect(b.landing.mean!, key).toBeLessThan(95);
    }
    // v1's pair flag says what happened and, with no control arms (a hand-written prompt cannot be compiled with
    // one target alone), never claims a compromise.
    const pair = v1.report.flags.find(isEmpatheticFirm)!;
    expect(pair).toMatchObject({ id: "compromise:empathetic+firm", kind: "compromise", severity: "alert" });
    expect(pair.title).toMatch(/pull apart: both land short$/);
    expect(pair.title).not.toMatch(/compromise/);
    expect(pair.explanation).toMatch(/needs the control arms/);
    expect(v2.report.flags.some(isEmpatheticFirm)).toBe(false);
  });

  it("resolves the pull-apart flag: the pair clearly moved toward its targets; every other change is new, resolved or unclear", async () => {
    const { flags } = (await getDiff(path, 1, 2)).landing!.comparison;
    const ids = { appeared: flags.appeared.map((f) => f.id), resolved: flags.resolved.map((f) => f.id), kept: flags.kept.map((f) => f.id) };
    expect(ids.resolved, JSON.stringify(ids)).toContain("compromise:empathetic+firm");
    expect(flags.reasons["compromise:empathetic+firm"]).toMatch(/^The pair landed \d+\.\d points closer to the target \(empathetic 95, firm 95\) \(95% interval -\d+\.\d to -\d+\.\d, over \d+ items\)\.$/);
    // Nothing new about the pair: it got closer to its targets.
    expect(flags.appeared.some(isEmpatheticFirm), JSON.stringify(ids)).toBe(false);
    for (const u of flags.unclear) expect(u.reason.length).toBeGreaterThan(10);
    for (const f of [...flags.appeared, ...flags.resolved]) expect(flags.reasons[f.id]).toBeTruthy();
    // What neither version targets still moves with both prompts ("kind" reads as warm; the nurse is warm too): those leaks stay open.
    expect(ids.kept).toEqual(expect.arrayContaining(["leakage:warm"]));
    expect(flags.kept.every((f) => f.kind === "leakage")).toBe(true);
  });

  it("reads the other way round when the versions are swapped", async () => {
    const { comparison } = (await getDiff(path, 2, 1)).landing!;
    expect(comparison.flags.appeared.map((f) => f.id)).toContain("compromise:empathetic+firm");
    expect(comparison.flags.resolved.some(isEmpatheticFirm)).toBe(false);
    expect(comparison.rows.find((r) => r.key === "firm")).toMatchObject({ clear: true, towardTarget: "further" });
    expect(comparison.distance.closer).toBe("a");
  });

  it("keeps comparing after a newer run on another model, but says so", async () => {
    // A newer completed run of v2 answered by another model wins over the first one.
    const other = await probe(path, 2);
    await db.probeRun.update({ where: { id: other.id }, data: { targetModel: "persona-sim-2", finishedAt: new Date(Date.now() + 1000) } });
    const landing = (await getDiff(path, 1, 2)).landing!;
    expect(landing.to.runId).toBe(other.id);
    expect(landing.to.model).toBe("persona-sim-2");
    expect(landing.caveat).toMatch(/^Different target models: persona-sim-1 \(simulator\) vs persona-sim-2 \(simulator\)/);
  });
});

describe("aiming where the character lands", () => {
  it("makes the empathetic–firm pull-apart go away without a new one, and credits no more than the landings moved", async () => {
    const { path } = await twoVersions(
      kindButFirm({ empathetic: 95, firm: 95 }),
      { ...bare({ empathetic: 75, firm: 75 }), archetype: "a veteran ER triage nurse" },
    );
    await probe(path, 1);
    await probe(path, 2);
    const { comparison } = (await getDiff(path, 1, 2)).landing!;
    // Gone from the flag list, but the targets moved too: resolved only if the pair clearly moved toward v2's targets.
    const gone = [...comparison.flags.resolved.filter(isEmpatheticFirm), ...comparison.flags.unclear.filter((u) => isEmpatheticFirm(u.flag)).map((u) => u.flag)];
    expect(gone).toHaveLength(1);
    // The pair is every target here, so its flag is resolved exactly when the diff calls v2 clearly closer to the fixed targets.
    expect(comparison.flags.resolved.some(isEmpatheticFirm)).toBe(comparison.distance.closer === "b");
    for (const u of comparison.flags.unclear.filter((x) => isEmpatheticFirm(x.flag))) {
      expect(u.reason).toMatch(/^The pair landed \d+\.\d points (closer to|further from) the target \(empathetic 75, firm 75\)/);
      expect(u.reason).toMatch(/target changed \(Empathetic 95 → 75, Firm.* 95 → 75\)/);
    }
    expect([...comparison.flags.appeared, ...comparison.flags.kept].some(isEmpatheticFirm)).toBe(false);
    // Both landings judged against v2's (new) targets, and the diff says the targets changed.
    expect(comparison.targetsChanged.sort()).toEqual(["empathetic", "firm"]);
    expect(comparison.fixedTargets).toMatchObject({ empathetic: 75, firm: 75 });
    expect(comparison.rows.find((r) => r.key === "empathetic")).toMatchObject({ targetA: 95, targetB: 75, target: 75, targetChanged: true });
    expect(comparison.distance.fixed!.items).toBeGreaterThan(10);
  });
});

describe("a target that moved while the landing did not", () => {
  it("is not 'lands closer': the diff says the targets changed and compares both against v2's", async () => {
    // A hand-written prompt (promptOverride): v2 only moves the targets to where v1 landed, so the prompt — and the
    // behaviour — are the same. Against their own targets v1 is far off and v2 on target; the landing did not move.
    const prompt = "You are Eva. You are deeply empathetic and you are also firm about what you will and will not do.";
    const first = { ...bare({ empathetic: 95, firm: 95 }), promptOverride: prompt };
    const persona = await createPersona(owner, { name: first.name, spec: first });
    await saveVersion(owner, persona.id, persona.revision, "Hand-written prompt");
    const path = personaPath(owner.workspaceId, persona.id);
    const v1 = await probe(path, 1);
    const v1Run = expectOk(ops.getProbeRun, await owner.api.get(`/api/workspaces/${owner.workspaceId}/probe-runs/${v1.id}`));
    const landed = (k: string) => Math.round(v1Run.report.rows.find((r) => r.key === k)!.landing.mean!);
    const moved = { ...first, traitTargets: { empathetic: landed("empathetic"), firm: landed("firm") } };
    const edited = await saveDraft(owner, persona.id, persona.revision, moved);
    await saveVersion(owner, persona.id, edited.revision, "Targets where it lands");
    await probe(path, 2);

    const { comparison } = (await getDiff(path, 1, 2)).landing!;
    expect(comparison.targetsChanged.sort()).toEqual(["empathetic", "firm"]);
    expect(comparison.fixedTargets).toMatchObject(moved.traitTargets);
    // Against their own targets B looks far closer (what the old diff reported as "v2 lands closer")…
    expect(comparison.distance.b.rms!).toBeLessThan(comparison.distance.a.rms! - 10);
    // …but against one fixed target the landings are no different.
    expect(comparison.distance.closer).toBe("no clear difference");
    for (const key of ["empathetic", "firm"]) {
      const r = comparison.rows.find((x) => x.key === key)!;
      expect(r, key).toMatchObject({ targetChanged: true, clear: false, towardTarget: "no clear difference" });
      expect(r.gap!.target).toBe(moved.traitTargets[key as "empathetic" | "firm"]);
    }
    // Flags that went away because the target moved are not "resolved".
    expect(comparison.flags.resolved).toEqual([]);
    for (const u of comparison.flags.unclear.filter((x) => x.change === "went away")) expect(u.reason).toMatch(/target changed/);
  });
});

describe("when a side has no report", () => {
  let path: string;

  beforeAll(async () => {
    const persona = await twoVersions(bare({ empathetic: 95, firm: 95 }), bare({ empathetic: 80, firm: 60 }));
    path = persona.path;
    await probe(path, 1);
  });

  it("explains which version still needs a completed probe", async () => {
    const diff = await getDiff(path, 1, 2);
    expect(diff.landing).toBeNull();
    expect(diff.landingNote).toMatch(/^v2 has no completed probe report yet/);
    // The spec and prompt diff are still there.
    expect(diff.fields.length).toBeGreaterThan(0);
  });

  it("says a version is still being probed while its run is queued", async () => {
    expectOk(ops.createProbeRun, await owner.api.post(`${path}/probe-runs`, { version: 2, traits: WATCHED }));
    expect((await getDiff(path, 2, 1)).landingNote).toMatch(/^v2 is still being probed/);
  });

  it("treats the draft as having no report", async () => {
    const diff = await getDiff(path, 1, "draft");
    expect(diff.landing).toBeNull();
    expect(diff.landingNote).toMatch(/draft has no report/);
  });
});
