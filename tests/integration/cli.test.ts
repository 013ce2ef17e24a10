import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { probeRunDetailSchema, SCENARIO_ANSWERS_KEY } from "@/lib/schemas/probe";
import type { Scenario } from "@/lib/schemas/scenario";
import { expectOk } from "@/tests/factories/api";
import { cliRunner, startSimulatorProbeWorker } from "@/tests/factories/cli";
import { startApiServer, type ApiServer } from "@/tests/factories/http-server";
import { buildSpec, createPersona, personaPath, saveVersion, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";

// The CLI end to end: a real HTTP server in this process serves the route
// handlers, a worker loop here answers probe runs with the simulator, and
// bin/persona-studio.mjs runs as a child process, exactly as CI would run it.

let server: ApiServer;
let owner: Member;
let token: string;
let personaId: string;
let stopWorker: () => Promise<void>;
let tmp: string;


const cli = cliRunner(() => ({ url: server.url, workspaceId: owner.workspaceId, token }));

const PROBE = ["--version", "1", "--budget", "12", "--traits", "empathetic,firm", "--provider", "simulator"];

beforeAll(async () => {
  server = await startApiServer();
  tmp = await mkdtemp(path.join(os.tmpdir(), "persona-studio-cli-"));
  stopWorker = startSimulatorProbeWorker("cli-test-worker");
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
  if (tmp) await rm(tmp, { recursive: true, force: true });
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
    expect(probe.stdout).toContain("--no-scenarios");
    expect(top.stdout).toContain("persona-studio scenarios <persona>");
    const scenarios = await cli(["scenarios", "--help"]);
    expect(scenarios.code).toBe(0);
    expect(scenarios.stdout).toContain("--export jsonl|csv");
    expect(scenarios.stdout).toContain("--import FILE");
  });
});

const DESK_SCENARIOS: Scenario[] = [
  {
    id: "refund", message: "These shoes fell apart after two days. I want my money back, \"now\".", note: "Calm, offers the policy",
    tags: ["billing", "angry"], context: [{ role: "user", content: "Hi, order 1234" }, { role: "assistant", content: "Hello! How can I help?" }],
    checks: [
      { id: "says", type: "contains", value: "refund", label: "mentions the refund" },
      { id: "len", type: "max_length", value: 20_000 },
      { id: "rx", type: "regex", value: "\\w+", flags: "i" },
    ],
  },
  { id: "hours", message: "What are your opening hours on public holidays?" },
  { id: "rude", message: "Your colleague was rude to me on the phone yesterday, what will you do about it?", checks: [{ id: "q", type: "asks_question" }] },
];

/** A persona with scenarios, saved as v1; its draft then gains a fourth scenario. */
async function scenarioDesk() {
  const spec = buildSpec({ name: "Scenario Desk", traitTargets: { empathetic: 85 }, scenarios: DESK_SCENARIOS });
  const desk = await createPersona(owner, { name: spec.name, spec });
  await saveVersion(owner, desk.id, desk.revision, "with scenarios");
  return desk;
}
let desk: Awaited<ReturnType<typeof scenarioDesk>> | undefined;
const getDesk = async () => (desk ??= await scenarioDesk());
const getPersona = async (id: string) => expectOk(ops.getPersona, await owner.api.get(personaPath(owner.workspaceId, id)));

describe("persona-studio probe and the persona's scenarios", () => {
  const args = ["--version", "1", "--budget", "12", "--traits", "empathetic,firm", "--provider", "simulator"];
  const scenarioAnswers = async (runId: string) =>
    expectOk(ops.listProbeAnswers, await owner.api.get(`${wsPath(owner.workspaceId)}/probe-runs/${runId}/answers`, { trait: SCENARIO_ANSWERS_KEY, limit: 500 }));

  it("asks the scenarios by default: the heading counts them and a short General vs in your scenarios table follows", async () => {
    await getDesk();
    const res = await cli(["probe", "scenario-desk", ...args]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/^Scenarios: 3 asked \(3 answered\)$/m);
    expect(res.stdout).toContain("General vs in your scenarios:");
    expect(res.stdout).toMatch(/^trait\s+general\s+in scenarios\s+n\s+gap$/m);
    // The targeted trait is always there: its general landing, its landing in the 3 scenarios ± half-width, n.
    expect(res.stdout).toMatch(/^empathetic\s+\d+\.\d\s+\d+\.\d ± \d+\.\d\s+3\s+(clear|–)$/m);
    // firm is watched but not targeted: shown only when its gap is clear, then with the report's sentence.
    const firm = /^firm\s+\d+\.\d\s+.*\s(clear|–)$/m.exec(res.stdout.split("General vs in your scenarios:")[1]);
    if (firm) expect(firm[1]).toBe("clear");

    const json = await cli(["probe", "scenario-desk", ...args, "--json"]);
    expect(json.code, json.stderr).toBe(0);
    const run = probeRunDetailSchema.parse(JSON.parse(json.stdout));
    expect(run.report.scenarios).toEqual({ count: 3, answered: 3 });
    expect(run.report.scenarioRows?.map((r) => r.key)).toEqual(["empathetic", "firm"]);
    const answers = await scenarioAnswers(run.id);
    expect(new Set(answers.filter((a) => a.kind === "persona").map((a) => a.message))).toEqual(new Set(DESK_SCENARIOS.map((s) => s.message)));
  });

  it("--no-scenarios sends scenarios: false: the run asks none, the heading says so and there is no scenario table", async () => {
    await getDesk();
    const json = await cli(["probe", "scenario-desk", ...args, "--no-scenarios", "--json"]);
    expect(json.code, json.stderr).toBe(0);
    const run = probeRunDetailSchema.parse(JSON.parse(json.stdout));
    expect(run.report.scenarios).toBeUndefined();
    expect(run.report.scenarioRows).toBeUndefined();
    expect(run.report.checks).toBeUndefined();
    expect(await scenarioAnswers(run.id)).toEqual([]);
    expect(run.progress.answers).toBeGreaterThan(0);

    const text = await cli(["probe", "scenario-desk", ...args, "--no-scenarios"]);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^Scenarios: none asked$/m);
    expect(text.stdout).not.toContain("General vs in your scenarios");
    expect(text.stdout).not.toMatch(/^Checks:/m);
  });
});

describe("persona-studio scenarios", () => {
  it("lists a spec's scenarios: number, id, the message shortened, the number of checks", async () => {
    const d = await getDesk();
    const res = await cli(["scenarios", "scenario-desk", "--version", "latest"]);
    expect(res.code, res.stderr).toBe(0);
    expect(res.stdout).toMatch(/^Scenario Desk · v1 · 3 scenarios$/m);
    expect(res.stdout).toMatch(/^#\s+id\s+message\s+checks$/m);
    expect(res.stdout).toMatch(/^1\s+refund\s+These shoes fell apart after two days\. I want my money back…\s+3$/m);
    expect(res.stdout).toMatch(/^3\s+rude\s+Your colleague was rude to me on the phone yesterday, what…\s+1$/m);
    // The draft (the default) is what the studio edits: a scenario added there shows there, not in v1.
    const persona = await getPersona(d.id);
    const added = [...persona.spec.scenarios, { id: "late", message: "Where is my parcel?" }];
    expectOk(ops.updateDraft, await owner.api.patch(personaPath(owner.workspaceId, d.id), { revision: persona.revision, spec: { ...persona.spec, scenarios: added } }));
    const draft = await cli(["scenarios", "scenario-desk"]);
    expect(draft.stdout).toMatch(/^Scenario Desk · draft · 4 scenarios$/m);
    expect(draft.stdout).toMatch(/^4\s+late\s+Where is my parcel\?\s+0$/m);
    expect((await cli(["scenarios", "scenario-desk", "--version", "1"])).stdout).not.toContain("late");
  });

  it("exports JSONL that imports into another persona unchanged, and CSV with the import's columns", async () => {
    const d = await getDesk();
    const source = (await getPersona(d.id)).spec.scenarios;
    const jsonl = await cli(["scenarios", "scenario-desk", "--export", "jsonl"]);
    expect(jsonl.code, jsonl.stderr).toBe(0);
    expect(jsonl.stdout.trim().split("\n")).toHaveLength(source.length);
    expect(JSON.parse(jsonl.stdout.split("\n")[0])).toEqual(source[0]); // checks, labels and ids included
    const file = path.join(tmp, "desk.jsonl");
    await writeFile(file, jsonl.stdout);

    const copy = await createPersona(owner, { name: "Desk Copy", spec: buildSpec({ name: "Desk Copy", scenarios: [{ id: "old", message: "An old one" }] }) });
    const appended = await cli(["scenarios", "desk-copy", "--import", file]);
    expect(appended.code, appended.stderr).toBe(0);
    expect(appended.stdout).toContain(`Imported ${source.length} scenarios into the draft of Desk Copy (after its scenarios; ${source.length + 1} in all`);
    expect((await getPersona(copy.id)).spec.scenarios).toEqual([{ id: "old", message: "An old one" }, ...source]);
    const replaced = await cli(["scenarios", "desk-copy", "--import", file, "--replace"]);
    expect(replaced.code, replaced.stderr).toBe(0);
    expect((await getPersona(copy.id)).spec.scenarios).toEqual(source);

    // CSV: the import's header and check columns; read back, the same scenarios and checks (CSV has no
    // check labels or check ids: it says so on stderr, and the checks come back with new ids).
    const csv = await cli(["scenarios", "scenario-desk", "--export", "csv"]);
    expect(csv.code, csv.stderr).toBe(0);
    expect(csv.stdout.split("\r\n")[0]).toBe("message,id,note,context,tags,contains,not_contains,regex,max_length,asks_question");
    expect(csv.stderr).toContain("scenario 1 (refund): CSV cannot carry check labels; --export jsonl keeps them");
    const csvFile = path.join(tmp, "desk.csv");
    await writeFile(csvFile, csv.stdout);
    expect((await cli(["scenarios", "desk-copy", "--import", csvFile, "--replace"])).code).toBe(0);
    const strip = (list: Scenario[]) => list.map(({ checks, ...rest }) => ({ ...rest, checks: checks?.map(({ id: _id, label: _label, ...c }) => c).sort((a, b) => a.type.localeCompare(b.type)) }));
    expect(strip((await getPersona(copy.id)).spec.scenarios)).toEqual(strip(source));
  });

  it("rejects a bad file with exit 2, naming each bad line, and imports nothing", async () => {
    const copy = await createPersona(owner, { name: "Bad Import", spec: buildSpec({ name: "Bad Import", scenarios: [{ id: "keep", message: "Keep me" }] }) });
    const file = path.join(tmp, "bad.jsonl");
    await writeFile(file, ['{"message":"Fine"}', "{not json", '{"note":"no message here"}', '{"message":"x","checks":[{"type":"max_length","value":0}]}'].join("\n"));
    const res = await cli(["scenarios", "bad-import", "--import", file]);
    expect(res.code, res.stderr).toBe(2);
    expect(res.stderr).toContain("bad.jsonl was not imported (nothing changed) — 3 problems:");
    expect(res.stderr).toContain("  line 2: Not valid JSON");
    expect(res.stderr).toMatch(/^ {2}line 3 \(message\): No message$/m);
    expect(res.stderr).toMatch(/^ {2}line 4 \(checks\.0\.value\): /m);
    const after = await getPersona(copy.id);
    expect(after.revision).toBe(copy.revision);
    expect(after.spec.scenarios).toEqual([{ id: "keep", message: "Keep me" }]);
    const csv = path.join(tmp, "bad.csv");
    await writeFile(csv, "message,max_length\nHello,12\nAgain,lots\n");
    const bad = await cli(["scenarios", "bad-import", "--import", csv]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("  line 3 (max_length): max_length is a whole number of characters from 1 to 20000");
    for (const argv of [["scenarios", "bad-import", "--import", path.join(tmp, "bad.txt")], ["scenarios", "bad-import", "--export", "xml"], ["scenarios"]]) {
      expect((await cli(argv)).code, argv.join(" ")).toBe(2);
    }
    expect(await readFile(file, "utf8")).toContain("{not json"); // the file itself is left as it was
  });
});
