import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { claimableRuns, type WorkerDeps } from "@/lib/jobs/probe-worker";
import { closePanelRuns, distinguishPasses, processBatch } from "@/lib/jobs/runner";
import { mulberry32 } from "@/lib/math/random";
import type { PanelReport } from "@/lib/probing/panel/report-types";
import type { PanelRun } from "@/lib/schemas/panel-run";
import { expectOk } from "@/tests/factories/api";
import { cliRunner, startTestWorker } from "@/tests/factories/cli";
import { startApiServer, type ApiServer } from "@/tests/factories/http-server";
import { buildSpec, createPersona, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";

// `persona-studio panel` end to end (issue 13 §9): a real HTTP server in this
// process serves the route handlers, a worker loop here runs the member runs
// side by side, the distinguishability pass and the closing step on the
// simulator, and bin/persona-studio.mjs runs as a child process, as CI would.
// Two members whose prompts differ only in wording (a costume change) and one
// who really differs.

const quiet = { info: () => {}, error: () => {} };

let server: ApiServer;
let owner: Member;
let token: string;
let stopWorker: () => Promise<void>;

/** Runs the member runs, the distinguishability passes and the closing step every 100 ms. */
function startPanelWorker(): () => Promise<void> {
  const deps: WorkerDeps = { workerId: "cli-panel-worker", sleep: async () => {}, rng: mulberry32(1) };
  return startTestWorker(async () => {
    for (const id of await claimableRuns()) await processBatch(id, deps);
    await distinguishPasses(deps, quiet);
    await closePanelRuns(quiet);
  });
}

const cli = cliRunner(() => ({ url: server.url, workspaceId: owner.workspaceId, token }));

const RUN = ["--traits", "skeptical,warm,playful,direct", "--items", "20"];

beforeAll(async () => {
  server = await startApiServer();
  stopWorker = startPanelWorker();
  owner = await signUpWithWorkspace({ name: "Casey Council" });
  const persona = async (name: string, promptOverride: string) =>
    createPersona(owner, { name, spec: buildSpec({ name, archetype: "", background: "", traitTargets: {}, promptOverride }) });
  const skeptic = await persona("Skeptic", "You are sceptical and blunt. You question claims and ask for evidence before you accept anything.");
  const doubter = await persona("Doubter", "You are blunt and sceptical. Before you accept anything, you ask for evidence and question claims.");
  const host = await persona("Host", "You are warm, playful and friendly; you joke and encourage people.");
  const seat = { providerId: "simulator", model: "persona-sim-2" };
  expectOk(ops.createPanel, await owner.api.post(`${wsPath(owner.workspaceId)}/panels`, {
    name: "Review board",
    spec: {
      members: [skeptic, doubter, host].map((p, i) => ({ key: ["skeptic", "doubter", "host"][i], personaId: p.id, version: "latest" })),
      polarityPairs: [{ a: "skeptic", b: "host", axis: { trait: "warm" }, direction: "b_higher" }],
      plans: { single: { seats: { skeptic: seat, doubter: seat, host: seat } } }, activePlan: "single",
    },
  }));
  token = expectOk(ops.createApiToken, await owner.api.post(`${wsPath(owner.workspaceId)}/api-tokens`, { name: "CI", role: "editor" })).token;
}, 60_000);

afterAll(async () => {
  await stopWorker?.();
  await server?.close();
});

describe("persona-studio panel", () => {
  it("exits 1 on a costume change with --fail-on costume, naming the pair, with every pair's distance", async () => {
    const r = await cli(["panel", "review-board", ...RUN, "--fail-on", "costume"]);
    expect(r.stderr).toContain("Panel Review board (as it stands, 3 members, divergence of the active plan)");
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/Skeptic – Doubter\s+\d+\.\d \[\d+\.\d, \d+\.\d\]\s+costume change/);
    expect(r.stdout).toMatch(/Skeptic – Host\s+\d+\.\d \[\d+\.\d, \d+\.\d\]\s+distinct/);
    expect(r.stdout).toMatch(/costume\s+Skeptic and Doubter land within ±5/);
    expect(r.stdout).toContain("FAILED: 1 flag of --fail-on costume.");
  }, 120_000);

  it("exits 0 when no flag of the named kinds appears (the declared opposites do diverge), reusing the first probe's answers", async () => {
    const r = await cli(["panel", "Review board", ...RUN, "--fail-on", "polarity", "--answers-per-pair", "4"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Polarity Skeptic vs Host: \+\d+\.\d \[\d+\.\d, \d+\.\d\] on the axis \(needs 10\): diverges/);
    expect(r.stdout).toContain("PASSED: no polarity flags.");
    // The member answers were in the cache from the first probe: what was paid is the blind judgments.
    expect(r.stderr).toMatch(/\d+ reused/);
  }, 120_000);

  it("prints the run and its report as JSON with --json", async () => {
    const r = await cli(["panel", "review-board", ...RUN, "--answers-per-pair", "0", "--json"]);
    expect(r.code).toBe(0);
    const { run, report } = JSON.parse(r.stdout) as { run: PanelRun; report: PanelReport };
    expect(run.status).toBe("completed");
    expect(report.final).toBe(true);
    expect(report.flags.map((f) => f.kind)).toContain("costume");
  }, 120_000);

  it("exits 2 for a probe flag kind or a bad number, 3 for an unknown panel", async () => {
    const bad = await cli(["panel", "review-board", "--fail-on", "leakage"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown panel flag kind "leakage"');
    expect((await cli(["panel", "review-board", "--items", "3"])).code).toBe(2);
    const missing = await cli(["panel", "no-such-panel"]);
    expect(missing.code).toBe(3);
    expect(missing.stderr).toContain('No panel matches "no-such-panel"');
    expect(missing.stderr).toContain("review-board");
  }, 60_000);
});
