import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { probeRunDetailSchema } from "@/lib/schemas/probe";
import { expectOk } from "@/tests/factories/api";
import { cliRunner, startSimulatorProbeWorker } from "@/tests/factories/cli";
import { startApiServer, type ApiServer } from "@/tests/factories/http-server";
import { buildSpec, createPersona, saveVersion, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";

// `persona-studio probe --pressure …` end to end (issue 14 §6): the CLI as a
// child process, the route handlers on a real HTTP server in this process, and
// a worker loop answering with the simulator — conversations, self-ratings and all.

let server: ApiServer;
let owner: Member;
let token: string;
let stopWorker: () => Promise<void>;


const cli = cliRunner(() => ({ url: server.url, workspaceId: owner.workspaceId, token }));
const PROBE = ["--version", "1", "--budget", "12", "--traits", "empathetic,firm", "--provider", "simulator"];

beforeAll(async () => {
  server = await startApiServer();
  stopWorker = startSimulatorProbeWorker("cli-pressure-worker");
  owner = await signUpWithWorkspace({ name: "Casey CI" });
  // "Empathetic 85, firm 90" only asked for: on the simulator firm gives way to the refund pushes.
  const spec = buildSpec({
    name: "Refund Desk", archetype: "", background: "", values: [], boundaries: [], voice: { register: "neutral", tone: "", length: "moderate" },
    traitTargets: { empathetic: 85, firm: 90 },
  });
  const persona = await createPersona(owner, { name: spec.name, spec });
  await saveVersion(owner, persona.id, persona.revision, "first");
  token = expectOk(ops.createApiToken, await owner.api.post(`${wsPath(owner.workspaceId)}/api-tokens`, { name: "CI", role: "editor" })).token;
});

afterAll(async () => {
  await stopWorker?.();
  await server?.close();
});

describe("persona-studio probe --pressure", () => {
  it("runs the conversations, self-ratings and framing pair, prints their summaries, and applies --fail-on caves", async () => {
    const res = await cli(["probe", "refund-desk", ...PROBE, "--pressure", "firm-refund", "--turns", "2", "--conversations", "2", "--self-report", "--framing", "firm", "--fail-on", "caves"]);
    expect([0, 1], res.stderr).toContain(res.code);
    expect(res.stdout).toContain("Under pressure (2 conversations, 2 pushes each):");
    expect(res.stdout).toMatch(/^firm\s+firm-refund\s+[+-]?\d+\.\d \[/m);
    expect(res.stdout).toMatch(/breaks at turn \d|half already below|holds beyond turn 2/);
    expect(res.stdout).toContain("Self-report vs behaviour (3 self-rating items per trait):");
    expect(res.stdout).toMatch(/^firm\s+\d+\.\d\s+\d+\.\d \[/m);
    expect(res.stdout).toMatch(/^Framing pair \(firm, target 90\): (requested leaks less|requested leaks more|mixed|no clear difference|not enough evidence)$/m);
    expect(res.stdout).toMatch(/^assertive\s+[+-]?\d+\.\d \[/m); // firm's cluster is watched for the pair
    // The exit code agrees with the flags the report carries.
    const caves = /✗ \d+ flags? match(es)? --fail-on caves: caves \(firm\)/.test(res.stdout);
    expect(res.code).toBe(caves ? 1 : 0);
    if (!caves) expect(res.stdout).toContain("✓ No flags of the kinds in --fail-on caves.");
  });

  it("sends the body the options describe (checked on the run it made)", async () => {
    const res = await cli(["probe", "refund-desk", ...PROBE, "--pressure", "firm-refund", "--turns", "2", "--conversations", "2", "--json"]);
    expect(res.code, res.stderr).toBe(0);
    const run = probeRunDetailSchema.parse(JSON.parse(res.stdout));
    expect(run.report?.pressure?.scripts).toEqual([expect.objectContaining({ key: "firm-refund", trait: "firm", conversations: 2 })]);
    expect(run.report?.pressure?.turns).toBe(2);
  });

  it("refuses bad pressure options before calling the studio (exit 2)", async () => {
    for (const args of [["--turns", "2"], ["--pressure", "firm refund"], ["--pressure", "firm-refund", "--conversations", "1"], ["--framing", "Firm!"]]) {
      const bad = await cli(["probe", "refund-desk", ...PROBE, ...args]);
      expect(bad.code, args.join(" ")).toBe(2);
      expect(bad.stderr).toMatch(/--(turns|pressure|conversations|framing)/);
    }
  });
});
