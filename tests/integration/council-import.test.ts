import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { parseMemberFile } from "@/lib/interop/council";
import type { ImportCouncilResult } from "@/lib/schemas/panel";
import { expectError, expectOk } from "@/tests/factories/api";
import { db, snapshotDb } from "@/tests/factories/db";
import { addTeammate, personaPath, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";

// Council files in and out (issue 13 §7): four member files and a seat plan
// become four personas and a panel (pairs, triad groups, the routed plan);
// exported back, unedited members are byte-identical; a malformed file is a
// 422 naming file and line, and nothing is written.

const DIR = path.join(process.cwd(), "tests/fixtures/council");
const NAMES = ["council-socrates.md", "council-feynman.md", "council-sun-tzu.md", "council-aurelius.md"];
const files = NAMES.map((fileName) => ({ fileName, text: readFileSync(path.join(DIR, fileName), "utf8") }));
const seatPlan = { fileName: "seat-plan.yaml", text: readFileSync(path.join(DIR, "seat-plan.yaml"), "utf8") };

let owner: Member;
let openaiId: string;
let anthropicId: string;
let imported: ImportCouncilResult;

const importPath = () => `${wsPath(owner.workspaceId)}/panels/import-council`;
const panelPath = (id: string) => `${wsPath(owner.workspaceId)}/panels/${id}`;

beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Council Keeper" });
  openaiId = expectOk(ops.createProvider, await owner.api.post(`${wsPath(owner.workspaceId)}/providers`, { name: "Our OpenAI", preset: "openai", baseUrl: "http://127.0.0.1:9/v1", defaultModel: "gpt-4.1" })).id;
  anthropicId = expectOk(ops.createProvider, await owner.api.post(`${wsPath(owner.workspaceId)}/providers`, { name: "Anthropic", baseUrl: "http://127.0.0.1:9/v1", defaultModel: "claude-sonnet-4" })).id;
  imported = expectOk(ops.importCouncil, await owner.api.post(importPath(), { files, seatPlan }));
});

describe("import", () => {
  it("creates one persona per member, each keeping its file", async () => {
    expect(imported.personas.map((p) => p.name)).toEqual(["Socrates", "Feynman", "Sun Tzu", "Marcus Aurelius"]);
    const socrates = expectOk(ops.getPersona, await owner.api.get(personaPath(owner.workspaceId, imported.personas[0].id)));
    expect(socrates.spec).toMatchObject({ name: "Socrates", archetype: "Assumption testing — Questions every premise" });
    const parsed = parseMemberFile(files[0].text);
    if (!parsed.ok) throw new Error("fixture does not parse");
    expect(socrates.promptSource).toBe("override");
    expect(socrates.compiledPrompt).toBe(parsed.member.body.trim());
    const row = await db.persona.findUniqueOrThrow({ where: { id: imported.personas[0].id } });
    expect(JSON.parse(row.imported!)).toEqual({ format: "council-member", fileName: "council-socrates.md", importedAt: expect.any(String), text: files[0].text });
  });

  it("makes a panel of them: keys, undirected pairs inside the set, triad groups, the routed plan active", () => {
    const { panel } = imported;
    expect(panel.name).toBe("Council (execution-lean)");
    expect(panel.spec.members.map((m) => [m.key, m.version])).toEqual([["socrates", "latest"], ["feynman", "latest"], ["sun-tzu", "latest"], ["aurelius", "latest"]]);
    expect(panel.spec.members.map((m) => m.personaId)).toEqual(imported.personas.map((p) => p.id));
    expect(panel.spec.polarityPairs).toEqual([{ a: "aurelius", b: "sun-tzu" }, { a: "feynman", b: "socrates" }]);
    expect(panel.spec.groups).toEqual([{ name: "ethics", members: ["socrates", "aurelius"] }, { name: "risk", members: ["feynman", "sun-tzu", "aurelius"] }]);
    expect(panel.spec.activePlan).toBe("routed");
    expect(panel.spec.plans.routed?.seats).toEqual({
      socrates: { providerId: anthropicId, model: "claude-sonnet-4" },
      feynman: { providerId: openaiId, model: "gpt-4.1" },
      aurelius: { providerId: anthropicId, model: "claude-sonnet-4" },
    });
    expect(panel.spec.plans.routed?.strategy).toEqual({ providerSpreadFirst: true, avoidPairCollocation: true });
    // Beside it, the single-model plan the ceiling experiment compares against: everyone on the plan's most used seat.
    expect(panel.spec.plans.single?.seats).toEqual(Object.fromEntries(["socrates", "feynman", "sun-tzu", "aurelius"].map((k) => [k, { providerId: anthropicId, model: "claude-sonnet-4" }])));
    expect(panel.members.map((m) => [m.name, m.seatLabel])).toEqual([
      ["Socrates", "Anthropic · claude-sonnet-4"], ["Feynman", "Our OpenAI · gpt-4.1"], ["Sun Tzu", "Workspace default"], ["Marcus Aurelius", "Anthropic · claude-sonnet-4"],
    ]);
  });

  it("explains what it could not map: the google seat is left out with a warning", () => {
    expect(imported.warnings.some((w) => /sun-tzu's seat \(google \/ gemini-2\.5-pro\) was left out/.test(w))).toBe(true);
  });

  it("a malformed file: 422 naming the file, line and field, and nothing is written", async () => {
    const broken = files.map((f, i) => (i === 2 ? { ...f, text: f.text.replace('  domain: "Terrain and positioning"\n', '  domain: "Terrain and positioning\n') } : f));
    const before = await snapshotDb();
    const error = expectError(await owner.api.post(importPath(), { files: broken, seatPlan }), 422, "files.2.text");
    expect(error.message).toMatch(/^files\.2\.text: council-sun-tzu\.md line \d+/);
    const errors = (error.details as { errors: { file: string; line?: number; field: string }[] }).errors;
    expect(errors[0]).toMatchObject({ file: "council-sun-tzu.md", line: expect.any(Number) });
    expect(await snapshotDb()).toEqual(before);
  });

  it("a missing required field names it, and a seat for a non-member names the seat plan", async () => {
    const before = await snapshotDb();
    const noFigure = files.map((f, i) => (i === 0 ? { ...f, text: f.text.replace("  figure: Socrates\n", "") } : f));
    const e1 = expectError(await owner.api.post(importPath(), { files: noFigure }), 422, "files.0.text");
    expect((e1.details as { errors: { field: string }[] }).errors[0].field).toBe("council.figure");
    const e2 = expectError(await owner.api.post(importPath(), { files: files.slice(0, 2), seatPlan }), 422, "seatPlan.text");
    expect(e2.message).toContain("sun-tzu");
    expect(await snapshotDb()).toEqual(before);
  });

  it("viewers cannot import", async () => {
    const viewer = await addTeammate(owner, "viewer");
    const before = await snapshotDb();
    expectError(await viewer.api.post(importPath(), { files }), 403);
    expect(await snapshotDb()).toEqual(before);
  });
});

describe("export", () => {
  it("gives back every unedited member and the seat plan byte for byte", async () => {
    const out = expectOk(ops.exportCouncil, await owner.api.get(`${panelPath(imported.panel.id)}/export-council`));
    expect(out.files).toEqual(files);
    expect(out.seatPlan).toEqual(seatPlan);
    expect(out.warnings).toEqual([]);
  });

  it("after editing one member's prompt and one seat: that member's body and that seat change, nothing else", async () => {
    const id = imported.personas[1].id; // Feynman
    const persona = expectOk(ops.getPersona, await owner.api.get(personaPath(owner.workspaceId, id)));
    const prompt = "You are Richard Feynman. Explain it to a first-year student, then test it.\n";
    expectOk(ops.updateDraft, await owner.api.patch(personaPath(owner.workspaceId, id), { revision: persona.revision, spec: { ...persona.spec, promptOverride: prompt } }));
    const panel = expectOk(ops.getPanel, await owner.api.get(panelPath(imported.panel.id)));
    const routed = panel.spec.plans.routed!;
    expectOk(ops.updatePanel, await owner.api.patch(panelPath(panel.id), {
      revision: panel.revision,
      spec: { ...panel.spec, plans: { ...panel.spec.plans, routed: { ...routed, seats: { ...routed.seats, aurelius: { providerId: openaiId, model: "gpt-4.1-mini" } } } } },
    }));

    const out = expectOk(ops.exportCouncil, await owner.api.get(`${panelPath(imported.panel.id)}/export-council`));
    expect(out.files[0]).toEqual(files[0]);
    expect(out.files[2]).toEqual(files[2]);
    expect(out.files[3]).toEqual(files[3]);
    const frontOf = (text: string) => text.slice(0, text.indexOf("\n---\n") + 5);
    expect(frontOf(out.files[1].text)).toBe(frontOf(files[1].text));
    expect(out.files[1].text).toBe(`${frontOf(files[1].text)}${prompt}`);
    const plan = out.seatPlan!.text;
    expect(plan).not.toBe(seatPlan.text);
    expect(plan).toMatch(/aurelius:\s*\n\s+provider: openai\s*\n\s+model: gpt-4\.1-mini\s*\n\s+exec_method: openai_compatible_api/);
    expect(plan).toContain("reasoning_mode: normative");
    expect(plan).toContain("gemini-2.5-pro"); // the unmapped seat stays as the file had it
    expect(plan).toContain("force_counterfactual_if_consensus_gt: 0.7");

    // Round trip: the exported files import into another workspace with the edited prompt.
    const other = await signUpWithWorkspace({ name: "Second Keeper" });
    const again = expectOk(ops.importCouncil, await other.api.post(`${wsPath(other.workspaceId)}/panels/import-council`, { files: out.files, seatPlan: out.seatPlan }));
    const feynman = expectOk(ops.getPersona, await other.api.get(personaPath(other.workspaceId, again.personas[1].id)));
    expect(feynman.spec.promptOverride).toBe(prompt);
    expect(again.panel.spec.polarityPairs).toEqual(imported.panel.spec.polarityPairs);
    expect(again.panel.spec.groups).toEqual(imported.panel.spec.groups);
  });
});

describe("export of a panel made in the studio", () => {
  it("writes fresh member files (name from the panel key, pairs and groups from the panel) and a seat plan naming providers by preset", async () => {
    const personas = await Promise.all(["Ada Lovelace", "Grace Hopper"].map(async (name) =>
      expectOk(ops.createPersona, await owner.api.post(`${wsPath(owner.workspaceId)}/personas`, { name, archetype: "Computing — Builds the machine" }))));
    const panel = expectOk(ops.createPanel, await owner.api.post(`${wsPath(owner.workspaceId)}/panels`, {
      name: "Pioneers",
      spec: {
        members: [{ key: "ada", personaId: personas[0].id, version: "latest" }, { key: "grace", personaId: personas[1].id, version: "latest" }],
        polarityPairs: [{ a: "ada", b: "grace" }],
        groups: [{ name: "computing", members: ["ada", "grace"] }],
        plans: { routed: { seats: { ada: { providerId: openaiId, model: "gpt-4.1" }, grace: { providerId: "simulator", model: "persona-sim-2" } }, strategy: { providerSpreadFirst: true, avoidPairCollocation: true } } },
        activePlan: "routed",
      },
    }));
    const out = expectOk(ops.exportCouncil, await owner.api.get(`${panelPath(panel.id)}/export-council`));
    expect(out.files.map((f) => f.fileName)).toEqual(["council-ada.md", "council-grace.md"]);
    const ada = parseMemberFile(out.files[0].text, out.files[0].fileName);
    if (!ada.ok) throw new Error(JSON.stringify(ada.errors));
    expect(ada.member.frontMatter).toMatchObject({ name: "council-ada", council: { figure: "Ada Lovelace", domain: "Computing", polarity: "Builds the machine", polarity_pairs: ["grace"], triads: ["computing"] } });
    expect(out.seatPlan!.fileName).toBe("pioneers-seats.yaml");
    expect(out.seatPlan!.text).toMatch(/ada:\s*\n\s+provider: openai\s*\n\s+model: gpt-4\.1/);
    expect(out.seatPlan!.text).toMatch(/grace:\s*\n\s+provider: simulator\s*\n\s+model: persona-sim-2/);
    expect(out.seatPlan!.text).toContain("avoid_pair_collocation: true");
  });
});
