import { spawn } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { claimableRuns, claimRun, processRun, type WorkerDeps } from "@/lib/jobs/probe-worker";
import { SimulatorProvider } from "@/lib/llm/simulator/provider";
import { mulberry32 } from "@/lib/math/random";
import { probeRunDetailSchema } from "@/lib/schemas/probe";
import { expectOk } from "@/tests/factories/api";
import { startApiServer, type ApiServer } from "@/tests/factories/http-server";
import { buildSpec, createPersona, personaPath, saveVersion, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";

// The CLI end to end: a real HTTP server in this process serves the route
// handlers, a worker loop here answers probe runs with the simulator, and
// bin/persona-studio.mjs runs as a child process, exactly as CI would run it.

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const CLI = path.join(root, "bin/persona-studio.mjs");

let server: ApiServer;
let owner: Member;
let token: string;
let personaId: string;
let stopWorker: () => Promise<void>;

/** Claims and processes queued runs every 100 ms, with the simulator as the model. */
function startTestWorker(): () => Promise<void> {
  const provider = new SimulatorProvider();
  const deps: WorkerDeps = {
    workerId: "cli-test-worker", sleep: async () => {}, rng: mulberry32(1),
    resolve: async (_ws, _id, model) => ({ provider, providerId: "simulator", model, simulated: true, endpoint: "simulator", prices: { inputPerM: 0, outputPerM: 0 } }),
  };
  let busy: Promise<void> | null = null;
  const tick = async () => {
    for (const id of await claimableRuns()) if (await claimRun(id, deps.workerId)) await processRun(id, deps);
  };
  const timer = setInterval(() => {
    busy ??= tick().finally(() => { busy = null; });
  }, 100);
  return async () => {
    clearInterval(timer);
    await busy;
  };
}

type Result = { code: number | null; stdout: string; stderr: string };

/** Runs the CLI asynchronously (the server in this process must keep serving meanwhile). */
function cli(args: string[], env: Record<string, string | undefined> = {}): Promise<Result> {
  const base = { ...process.env, PERSONA_STUDIO_URL: server.url, PERSONA_STUDIO_WORKSPACE: owner.workspaceId, PERSONA_STUDIO_TOKEN: token };
  const merged = Object.fromEntries(Object.entries({ ...base, ...env }).filter(([, v]) => v !== undefined)) as NodeJS.ProcessEnv;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd: root, env: merged });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d));
    child.stderr.on("data", (d: Buffer) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const PROBE = ["--version", "1", "--budget", "12", "--traits", "empathetic,firm", "--provider", "simulator"];

beforeAll(async () => {
  server = await startApiServer();
  stopWorker = startTestWorker();
  owner = await signUpWithWorkspace({ name: "Casey CI" });
  // Targets of 95 on both, and a hand-written prompt that asks for each only loosely: on the simulator both land far
  // short of the "always" window, so the pair is flagged (a compiled "always … always …" lands inside it).
  const spec = buildSpec({
    name: "Trait List", archetype: "", background: "", values: [], boundaries: [], voice: { register: "neutral", tone: "", length: "moderate" },
    traitTargets: { empathetic: 95, firm: 95 }, promptOverride: "You are fairly empathetic but fairly firm.",
  });
  const persona = await createPersona(owner, { name: spec.name, spec });
  await saveVersion(owner, persona.id, persona.revision, "first");
  personaId = persona.id;
  token = expectOk(ops.createApiToken, await owner.api.post(`${wsPath(owner.workspaceId)}/api-tokens`, { name: "CI", role: "editor" })).token;
});

afterAll(async () => {
  await stopWorker?.();
  await server?.close();
});

describe("persona-studio probe", () => {
  it("exits 1 with the table when a flag matches --fail-on", async () => {
    const res = await cli(["probe", "trait-list", ...PROBE, "--fail-on", "tension,compromise"]);
    expect(res.code, res.stderr).toBe(1);
    expect(res.stdout).toMatch(/trait\s+target\s+landing \[95% CI\]\s+baseline\s+shift\s+flags/);
    expect(res.stdout).toMatch(/^empathetic\s+95\s+\d+\.\d \[/m);
    expect(res.stdout).toMatch(/^firm\s+95\s+/m);
    expect(res.stdout).toContain("(simulator — not a language model)");
    expect(res.stdout).toMatch(/✗ \d+ flags? match(es)? --fail-on tension,compromise: (tension|compromise) \(/);
    expect(res.stderr).toMatch(/traits · 100%/);
  });

  it("exits 0 with --fail-on none, finding the persona by its name in any case", async () => {
    const res = await cli(["probe", "TRAIT LIST", ...PROBE, "--fail-on", "none"]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/Flags \(\d+\):/);
    expect(res.stdout).toMatch(/compromise|tension/);
    // The report's verdict line comes before the flags.
    expect(res.stdout).toMatch(/^Verdict: .+ — the main issue.*\n\nFlags \(\d+\):/m);
    expect(res.stdout).toContain("✓ Not checking flags (--fail-on none).");
  });

  it("prints the finished run as JSON with --json, found by its id", async () => {
    const res = await cli(["probe", personaId, ...PROBE, "--json"]);
    expect(res.code, res.stderr).toBe(0);
    const run = probeRunDetailSchema.parse(JSON.parse(res.stdout));
    expect(run).toMatchObject({ personaId, status: "completed", version: 1, watched: ["empathetic", "firm"] });
  });

  it("passes --max-calls and --max-cost to the run, stops at the call cap and prints calls, tokens and cost", async () => {
    // A trait no other test probes, so its calls are not in the identical-call cache (cache hits are free and never capped).
    const fresh = ["--version", "1", "--budget", "12", "--traits", "patient", "--provider", "simulator"];
    const res = await cli(["probe", "trait-list", ...fresh, "--max-calls", "9", "--max-cost", "2.5"]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/^\d+ answers · \d call(s)? · [\d,]+ tokens · \$0\.00 \(\d+ cache hits\)$/m);
    expect(res.stdout).toContain("Stopped at the cap of 9 calls / $2.50 — the report covers what was answered");
    const json = await cli(["probe", "trait-list", ...fresh, "--max-calls", "500", "--max-cost", "0.75", "--json"]);
    expect(json.code, json.stderr).toBe(0);
    const run = probeRunDetailSchema.parse(JSON.parse(json.stdout));
    expect(run.caps).toEqual({ maxCalls: 500, maxCostUsd: 0.75, reached: false });
    expect(run.usage.costUsd).toBe(0); // the simulator costs nothing
    for (const args of [["--max-calls", "0"], ["--max-calls", "1.5"], ["--max-cost", "-1"], ["--max-cost", "free"], ["--max-cost", "0"]]) {
      const bad = await cli(["probe", "trait-list", ...PROBE, ...args]);
      expect(bad.code, args.join(" ")).toBe(2);
      expect(bad.stderr).toContain(args[0]);
    }
  });

  it("exits 3 with the server's message for a bad token", async () => {
    const res = await cli(["probe", "trait-list", ...PROBE], { PERSONA_STUDIO_TOKEN: `ps_${"A".repeat(43)}` });
    expect(res.code).toBe(3);
    expect(res.stderr).toContain("401: Invalid API token");
  });

  it("exits 3 with the server's message when the token's role is too low", async () => {
    const viewer = expectOk(ops.createApiToken, await owner.api.post(`${wsPath(owner.workspaceId)}/api-tokens`, { name: "Read only", role: "viewer" }));
    const res = await cli(["probe", "trait-list", ...PROBE], { PERSONA_STUDIO_TOKEN: viewer.token });
    expect(res.code).toBe(3);
    expect(res.stderr).toMatch(/403: Your role \(viewer\)/);
  });

  it("exits 3 for an unknown persona, with no candidates to offer", async () => {
    const res = await cli(["probe", "nobody-here", ...PROBE]);
    expect(res.code).toBe(3);
    expect(res.stderr).toContain('No persona matches "nobody-here"');
    expect(res.stderr).not.toContain("Did you mean");
  });

  it("exits 2 when the token is missing or an argument is wrong", async () => {
    const missing = await cli(["probe", "trait-list"], { PERSONA_STUDIO_TOKEN: undefined });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("PERSONA_STUDIO_TOKEN");
    for (const args of [["probe", "trait-list", "--fail-on", "drift"], ["probe", "trait-list", "--budget", "many"], ["probe"], ["deploy"]]) {
      expect((await cli(args)).code, args.join(" ")).toBe(2);
    }
  });

  it("skips flags acknowledged as expected for the persona unless --strict, printing them with their reason", async () => {
    const first = await cli(["probe", "trait-list", ...PROBE, "--fail-on", "any", "--json"]);
    expect(first.code, first.stderr).toBe(1);
    const open = probeRunDetailSchema.parse(JSON.parse(first.stdout)).report.flags.filter((f) => !f.expected && !f.acknowledged);
    expect(open.length).toBeGreaterThan(0);
    const acks = `${personaPath(owner.workspaceId, personaId)}/acknowledgements`;
    for (const f of open) expectOk(ops.acknowledgeFlag, await owner.api.post(acks, { flagId: f.id, reason: `Fine for a trait list (${f.id})` }));
    try {
      const res = await cli(["probe", "trait-list", ...PROBE, "--fail-on", "any"]);
      expect(res.code, res.stderr).toBe(0);
      expect(res.stdout).toContain(`(acknowledged: Fine for a trait list (${open[0].id}))`);
      expect(res.stdout).toMatch(/✓ No flags of the kinds in --fail-on any \(not counted: \d+ acknowledged or came with the character type — .*; --strict counts them\)\./);
      const strict = await cli(["probe", "trait-list", ...PROBE, "--fail-on", "any", "--strict"]);
      expect(strict.code, strict.stderr).toBe(1);
      expect(strict.stdout).toMatch(/✗ \d+ flags? match(es)? --fail-on any --strict: .*\[acknowledged\]/);
    } finally {
      const { acknowledgements } = expectOk(ops.listAcknowledgements, await owner.api.get(acks));
      for (const a of acknowledgements) expectOk(ops.removeAcknowledgement, await owner.api.delete(`${acks}/${a.id}`));
    }
  });

  it("gates on the scenario checks with --fail-on check and --min-pass-rate, naming the failing check", async () => {
    const spec = buildSpec({
      name: "Check Desk", traitTargets: { empathetic: 80 },
      scenarios: [
        { id: "short", message: "Can I return these shoes?", checks: [{ id: "len", type: "max_length", value: 20_000, label: "stays under 20,000 characters" }] },
        { id: "secret", message: "What is the password of the day?", checks: [{ id: "word", type: "contains", value: "XYZZY-never-said", label: "says the secret word" }] },
      ],
    });
    const desk = await createPersona(owner, { name: spec.name, spec });
    await saveVersion(owner, desk.id, desk.revision, "with checks");
    const args = ["probe", "check-desk", "--version", "1", "--budget", "12", "--traits", "empathetic", "--provider", "simulator"];
    const failed = await cli([...args, "--fail-on", "check"]);
    expect(failed.code, failed.stderr).toBe(1);
    expect(failed.stdout).toMatch(/^Checks: 1\/2 passed \(50\.0%/m);
    expect(failed.stdout).toContain("✗ 1 check failed (--fail-on check): “What is the password of the day?” — says the secret word");
    expect((await cli([...args, "--min-pass-rate", "50%"])).code).toBe(0);
    const below = await cli([...args, "--min-pass-rate", "0.9"]);
    expect(below.code, below.stderr).toBe(1);
    expect(below.stdout).toContain("✗ Checks passed 50.0%, below --min-pass-rate 90.0%: “What is the password of the day?” — says the secret word (0/1)");
    // The trait-list persona has no checks: --fail-on check passes, --min-pass-rate cannot.
    expect((await cli(["probe", "trait-list", ...PROBE, "--fail-on", "check"])).code).toBe(0);
    expect((await cli(["probe", "trait-list", ...PROBE, "--min-pass-rate", "0.5"])).code).toBe(1);
    expect((await cli(["probe", "trait-list", ...PROBE, "--min-pass-rate", "90"])).code).toBe(2);
  });

  it("prints help and exits 0", async () => {
    const top = await cli(["--help"]);
    expect(top.code).toBe(0);
    expect(top.stdout).toContain("persona-studio probe <persona>");
    const probe = await cli(["probe", "--help"]);
    expect(probe.code).toBe(0);
    expect(probe.stdout).toContain("--fail-on KINDS");
    expect(probe.stdout).toContain("--strict");
    expect(probe.stdout).toContain("--min-pass-rate R");
  });
});
