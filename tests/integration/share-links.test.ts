import { beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { claimRun, processRun } from "@/lib/jobs/probe-worker";
import { SimulatorProvider } from "@/lib/llm/simulator/provider";
import { mulberry32 } from "@/lib/math/random";
import { api, expectError, expectOk } from "@/tests/factories/api";
import { db } from "@/tests/factories/db";
import {
  addTeammate, buildSpec, createPersona, personaPath, saveDraft, saveVersion, signUpWithWorkspace, wsPath, type Member,
} from "@/tests/factories/personas";

// Share links: a token is the only credential. It works without a session,
// shows a frozen bundle and nothing else, and stops working the moment it is
// revoked or expires. Every way of failing is the same 404.

const anonymous = api(null);
const SECRET_KEY = "sk-live-SECRET-0123456789abcdef";
const NOTES = "Internal: the client is nervous about tone.";
let owner: Member;
let personaId: string;

function share(body: Record<string, unknown> = {}) {
  return owner.api.post(`${personaPath(owner.workspaceId, personaId)}/shares`, body);
}

beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Sol" });
  // A provider with a key, a teammate and a second persona: none may appear on a share page.
  expectOk(ops.createProvider, await owner.api.post(`${wsPath(owner.workspaceId)}/providers`, { name: "Team OpenAI", preset: "openai", baseUrl: "http://127.0.0.1:9/v1", apiKey: SECRET_KEY, defaultModel: "gpt-x" }));
  await addTeammate(owner, "reviewer", "Rita Reviewer");
  await createPersona(owner, { name: "Other Persona", spec: buildSpec({ name: "Other Persona" }) });
  const persona = await createPersona(owner, { name: "Nurse Ada", spec: buildSpec({ name: "Nurse Ada", notes: NOTES, traitTargets: { empathetic: 80 } }) });
  personaId = persona.id;
  await saveVersion(owner, personaId, persona.revision, "first cut");
});

describe("creating and opening a link", () => {
  it("refuses to share a persona without a saved version", async () => {
    const fresh = await createPersona(owner, { name: "Unsaved" });
    expectError(await owner.api.post(`${personaPath(owner.workspaceId, fresh.id)}/shares`, {}), 422, "version");
  });

  it("returns a 256-bit token once, stores only its hash, and opens without a session", async () => {
    const created = expectOk(ops.createShare, await share({ label: "Support leads" }));
    expect(created.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(created.path).toBe(`/s/${created.token}`);
    const row = await db.shareLink.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).not.toContain(created.token);
    expect(row.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(row)).not.toContain(created.token);

    const res = await anonymous.get(`/api/share/${created.token}`);
    const bundle = expectOk(ops.openShare, res);
    expect(res.headers.get("cache-control")).toContain("no-store");
    expect(bundle.persona.name).toBe("Nurse Ada");
    expect(bundle.version).toMatchObject({ number: 1, message: "first cut", latest: true, approved: false });
    expect(bundle.follows).toBe("latest");
    expect(bundle.compiledPrompt).toContain("You are a veteran ER triage nurse.");
    expect(bundle.comments).toBeNull();
    // The list never shows the token again, but shows the access.
    const list = expectOk(ops.listShares, await owner.api.get(`${personaPath(owner.workspaceId, personaId)}/shares`));
    const listed = list.find((l) => l.id === created.id)!;
    expect(JSON.stringify(list)).not.toContain(created.token);
    expect(listed).toMatchObject({ state: "active", accessCount: 1, label: "Support leads", createdBy: "Sol" });
    expect(listed.lastAccessedAt).not.toBeNull();
  });

  it("contains no key, provider, member, other persona or designer note — in the JSON and on the page", async () => {
    const created = expectOk(ops.createShare, await share());
    const json = JSON.stringify((await anonymous.get(`/api/share/${created.token}`)).body);
    for (const secret of [SECRET_KEY, "Team OpenAI", "127.0.0.1:9", "Rita Reviewer", owner.email, "Other Persona", NOTES, owner.workspaceId]) {
      expect(json, secret).not.toContain(secret);
    }
    expect(json).not.toMatch(/apiKey|tokenHash|providerId|baseUrl|email/);
  });

  it("follows the latest version, or stays on a pinned one", async () => {
    const latest = expectOk(ops.createShare, await share());
    const pinned = expectOk(ops.createShare, await share({ version: 1 }));
    const current = expectOk(ops.getPersona, await owner.api.get(personaPath(owner.workspaceId, personaId)));
    const edited = await saveDraft(owner, personaId, current.revision, buildSpec({ name: "Nurse Ada", archetype: "a night-shift charge nurse", traitTargets: { empathetic: 80 } }));
    await saveVersion(owner, personaId, edited.revision, "second cut");
    expect(expectOk(ops.openShare, await anonymous.get(`/api/share/${latest.token}`)).version.number).toBe(2);
    const old = expectOk(ops.openShare, await anonymous.get(`/api/share/${pinned.token}`));
    expect(old.version).toMatchObject({ number: 1, latest: false });
    expect(old.follows).toBe("pinned");
  });
});

describe("links that must not work", () => {
  it("answers 404 to random, truncated, extended and malformed tokens", async () => {
    const created = expectOk(ops.createShare, await share());
    const random = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64url");
    for (const token of [random, created.token.slice(0, 42), created.token.slice(0, 20), `${created.token}A`, created.token.toLowerCase() === created.token ? "x" : created.token.toLowerCase(), "../../etc", "%00"]) {
      const error = expectError(await anonymous.get(`/api/share/${encodeURIComponent(token)}`), 404);
      expect(error.message).not.toContain("Nurse");
    }
  });

  it("stops working the moment it is revoked", async () => {
    const created = expectOk(ops.createShare, await share());
    expectOk(ops.openShare, await anonymous.get(`/api/share/${created.token}`));
    const revoked = expectOk(ops.revokeShare, await owner.api.post(`${wsPath(owner.workspaceId)}/shares/${created.id}/revoke`));
    expect(revoked.state).toBe("revoked");
    expectError(await anonymous.get(`/api/share/${created.token}`), 404);
    expectError(await anonymous.get(`/api/share/${created.token}/answers`), 404);
  });

  it("stops working when it expires", async () => {
    const created = expectOk(ops.createShare, await share({ expiresInDays: 1 }));
    expect(created.expiresAt).not.toBeNull();
    expectOk(ops.openShare, await anonymous.get(`/api/share/${created.token}`));
    await db.shareLink.update({ where: { id: created.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expectError(await anonymous.get(`/api/share/${created.token}`), 404);
    const list = expectOk(ops.listShares, await owner.api.get(`${personaPath(owner.workspaceId, personaId)}/shares`));
    expect(list.find((l) => l.id === created.id)!.state).toBe("expired");
  });

  it("dies with its persona", async () => {
    const doomed = await createPersona(owner, { name: "Doomed" });
    await saveVersion(owner, doomed.id, doomed.revision, "v1");
    const created = expectOk(ops.createShare, await owner.api.post(`${personaPath(owner.workspaceId, doomed.id)}/shares`, {}));
    await owner.api.delete(personaPath(owner.workspaceId, doomed.id));
    expectError(await anonymous.get(`/api/share/${created.token}`), 404);
  });

  it("lets only editors and owners create or revoke links", async () => {
    const reviewer = await addTeammate(owner, "reviewer");
    expectError(await reviewer.api.post(`${personaPath(owner.workspaceId, personaId)}/shares`, {}), 403);
    const created = expectOk(ops.createShare, await share());
    expectError(await reviewer.api.post(`${wsPath(owner.workspaceId)}/shares/${created.id}/revoke`), 403);
    expectOk(ops.openShare, await anonymous.get(`/api/share/${created.token}`));
  });
});

describe("what a link shows", () => {
  it("shows the version's sample answers, its probe report with the answers behind it, and comments only when asked", async () => {
    const persona = await createPersona(owner, { name: "Firm Fran", spec: buildSpec({ name: "Firm Fran", archetype: "", traitTargets: { empathetic: 95, firm: 95 } }) });
    await saveVersion(owner, persona.id, persona.revision, "v1");
    const p = personaPath(owner.workspaceId, persona.id);
    const samples = expectOk(ops.recordSamples, await owner.api.post(`${p}/versions/1/samples`, {}));
    expect(samples.simulated).toBe(true);
    expect(samples.label).toBe("Simulator — not a language model");
    const run = expectOk(ops.createProbeRun, await owner.api.post(`${p}/probe-runs`, { version: 1, traits: ["empathetic", "firm"], budgetPerTrait: 24 }));
    expect(await claimRun(run.id, "share-worker")).toBe(true);
    const sim = new SimulatorProvider();
    await processRun(run.id, {
      workerId: "share-worker", sleep: async () => {}, rng: mulberry32(5),
      resolve: async (_w, _p, model) => ({ provider: sim, providerId: "simulator", model, simulated: true, endpoint: "simulator" }),
    });
    expectOk(ops.createComment, await owner.api.post(`${p}/comments`, { body: "The second answer is too soft.", anchor: { kind: "sample", key: samples.answers[1].id } }));

    const plain = expectOk(ops.createShare, await owner.api.post(`${p}/shares`, {}));
    const bundle = expectOk(ops.openShare, await anonymous.get(`/api/share/${plain.token}`));
    expect(bundle.samples!.answers.map((a) => a.message)).toEqual(samples.answers.map((a) => a.message));
    expect(bundle.report!.simulated).toBe(true);
    expect(bundle.report!.report.rows.map((r) => r.key).sort()).toEqual(["empathetic", "firm"]);
    expect(bundle.comments).toBeNull();
    const evidence = bundle.report!.report.points.slice(0, 3).map((pt) => pt.id);
    const answers = expectOk(ops.sharedAnswers, await anonymous.get(`/api/share/${plain.token}/answers`, { ids: evidence.join(",") }));
    expect(answers.map((a) => a.id).sort()).toEqual([...evidence].sort());

    const withComments = expectOk(ops.createShare, await owner.api.post(`${p}/shares`, { includeComments: true }));
    const full = expectOk(ops.openShare, await anonymous.get(`/api/share/${withComments.token}`));
    expect(full.comments!.map((c) => c.body)).toEqual(["The second answer is too soft."]);
    expect(JSON.stringify(full)).not.toContain(owner.email);

    // Answers of another persona's run are not reachable through this link.
    const other = await db.probeAnswer.findFirst({ where: { run: { personaId: { not: persona.id } } }, select: { id: true } });
    if (other) expect(expectOk(ops.sharedAnswers, await anonymous.get(`/api/share/${plain.token}/answers`, { ids: other.id }))).toEqual([]);
  });
});
