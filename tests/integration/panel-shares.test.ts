import { beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import type { PanelPreviewEvent } from "@/lib/schemas/panel-preview";
import { openAnyShare, openShare } from "@/lib/services/sharing/open-share";
import { api, expectError, expectOk } from "@/tests/factories/api";
import { db } from "@/tests/factories/db";
import { addTeammate, buildSpec, createPersona, personaPath, saveVersion, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";

// A panel's share links: made, listed and revoked like a persona's (token once,
// hash stored); the page they open shows the panel, its members' names,
// archetypes and seat labels, its polarity pairs, the latest FINAL report and —
// with comments — the latest recorded session with its threads. Never a key, a
// provider id or an endpoint.

const KEY = "sk-share-secret-0123456789abcdef";
const ENDPOINT = "http://127.0.0.1:9/v1";
let owner: Member;
let panelId: string;
let providerId: string;
const personaIds: Record<string, string> = {};

beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Pam" });
  providerId = expectOk(ops.createProvider, await owner.api.post(`${wsPath(owner.workspaceId)}/providers`, { name: "House models", baseUrl: ENDPOINT, apiKey: KEY, defaultModel: "m" })).id;
  for (const [key, name, archetype] of [["ada", "Ada", "a careful clinical nurse"], ["bo", "Bo", "a blunt drill sergeant"]] as const) {
    const p = await createPersona(owner, { name, spec: buildSpec({ name, archetype }) });
    personaIds[key] = p.id;
    await saveVersion(owner, p.id, p.revision, "v1");
  }
  panelId = expectOk(ops.createPanel, await owner.api.post(`${wsPath(owner.workspaceId)}/panels`, {
    name: "Release council", description: "Who argues about Friday releases",
    spec: {
      members: [{ key: "ada", personaId: personaIds.ada, version: "latest" }, { key: "bo", personaId: personaIds.bo, version: 1, label: "Sergeant Bo" }],
      polarityPairs: [{ a: "ada", b: "bo", axis: { trait: "blunt" }, direction: "b_higher" }],
      plans: { single: { seats: { ada: { providerId: "simulator", model: "persona-sim-1" }, bo: { providerId, model: "big-model" } } } },
    },
  })).id;
});

const P = (m: Member = owner, id = panelId) => `${wsPath(m.workspaceId)}/panels/${id}`;
const report = (final: boolean, note: string) => ({
  methodVersion: "panel-1", final, watched: ["blunt"], traitLabels: { blunt: "Blunt" },
  members: [{ key: "ada", name: "Ada" }, { key: "bo", name: "Sergeant Bo" }],
  arms: [{ arm: "active", label: "Active plan", seats: { ada: "Simulator — not a language model · persona-sim-1", bo: "House models · big-model" }, divergence: {}, polarity: [], distinguish: [], groups: [], flags: [] }],
  gain: null, flags: [], notes: [note],
});
async function addRun(r: ReturnType<typeof report>, finishedAt: Date) {
  const seat = { providerId, model: "big-model" };
  return db.panelRun.create({
    data: {
      workspaceId: owner.workspaceId, panelId, panelName: "Release council", watched: JSON.stringify(["blunt"]), judgeProviderId: providerId, judgeModel: "judge-model",
      spec: JSON.stringify({ members: [{ key: "ada", personaId: personaIds.ada, version: 1, name: "Ada", description: "d", promptHash: "h", seats: { active: seat } }, { key: "bo", personaId: personaIds.bo, version: 1, name: "Sergeant Bo", description: "d", promptHash: "h", seats: { active: seat } }], polarityPairs: [], groups: [] }),
      config: "{}", report: JSON.stringify(r), reportMethod: "panel-1", finishedAt, createdById: owner.id, createdByName: owner.name,
    },
  });
}

describe("panel share links", () => {
  it("are created (token once, only its hash stored), listed, and open the panel with its latest final report and the latest session's comments", async () => {
    const final = await addRun(report(true, "the final one"), new Date(Date.now() - 60_000));
    await addRun(report(false, "a partial one"), new Date()); // newer but not final: never shared
    const es = expectOk(ops.panelPreview, await owner.api.post(`${P()}/preview`, { question: "Ship on Friday?", members: ["ada"], record: true })) as PanelPreviewEvent[];
    const sessionId = (es.find((e) => e.type === "session") as { sessionId: string }).sessionId;
    const answer = expectOk(ops.getPanelSession, await owner.api.get(`${P()}/sessions/${sessionId}`)).answers[0];
    expectOk(ops.createPanelComment, await owner.api.post(`${P()}/comments`, { body: "Too cautious", anchor: { kind: "panel_answer", key: answer.id } }));

    const created = expectOk(ops.createPanelShare, await owner.api.post(`${P()}/shares`, { label: "Board", includeComments: true, expiresInDays: 3 }));
    expect(created).toMatchObject({ panelId, label: "Board", includeComments: true, state: "active", path: `/s/${created.token}` });
    const row = await db.shareLink.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).not.toContain(created.token);
    expect(row.personaId).toBeNull();
    const listed = expectOk(ops.listPanelShares, await owner.api.get(`${P()}/shares`));
    expect(listed.map((l) => l.id)).toEqual([created.id]);
    expect(JSON.stringify(listed)).not.toContain(created.token);

    const opened = await openAnyShare(created.token);
    expect(opened.kind).toBe("panel");
    const bundle = opened.kind === "panel" ? opened.bundle : null;
    expect(bundle).toMatchObject({
      panel: { name: "Release council", description: "Who argues about Friday releases" },
      members: [
        { key: "ada", name: "Ada", archetype: "a careful clinical nurse", seatLabel: "Simulator — not a language model · persona-sim-1" },
        { key: "bo", name: "Sergeant Bo", archetype: "a blunt drill sergeant", seatLabel: "House models · big-model" },
      ],
      polarityPairs: [{ a: "Ada", b: "Sergeant Bo", direction: "b_higher" }],
      sharedBy: "Pam",
    });
    expect(bundle!.report!.runId).toBe(final.id);
    expect((bundle!.report!.report as { notes: string[] }).notes).toEqual(["the final one"]);
    expect(bundle!.session!.question).toBe("Ship on Friday?");
    expect(bundle!.session!.comments.map((c) => [c.body, c.author])).toEqual([["Too cautious", { name: "Pam" }]]);

    // Never a key, a provider id, an endpoint, a persona id or a user id, anywhere in what the page gets.
    const text = JSON.stringify(bundle);
    for (const secret of [KEY, providerId, ENDPOINT, "127.0.0.1", personaIds.ada, personaIds.bo, owner.id]) expect(text).not.toContain(secret);
    expect((await db.shareLink.findUniqueOrThrow({ where: { id: created.id } })).accessCount).toBe(1);
  });

  it("without comments the page has no session; a persona's share route does not open a panel link", async () => {
    const created = expectOk(ops.createPanelShare, await owner.api.post(`${P()}/shares`, {}));
    const opened = await openAnyShare(created.token);
    expect(opened.kind === "panel" && opened.bundle.session).toBeNull();
    await expect(openShare(created.token)).rejects.toMatchObject({ code: "not_found" });
    expectError(await owner.api.get(`/api/share/${created.token}`), 404);
    // The panel's JSON is at /api/share/{token}/panel, without signing in.
    const bundle = expectOk(ops.openPanelShare, await api(null).get(`/api/share/${created.token}/panel`));
    expect(bundle.panel.name).toBe(opened.kind === "panel" ? opened.bundle.panel.name : "");
    expect(bundle.session).toBeNull();
  });

  it("a revoked or expired link is the same not found; revoking is for editors", async () => {
    const created = expectOk(ops.createPanelShare, await owner.api.post(`${P()}/shares`, { label: "Temp" }));
    const viewer = await addTeammate(owner, "viewer", "Vic");
    expectError(await viewer.api.post(`${P()}/shares`, {}), 403);
    expectError(await viewer.api.post(`${P()}/shares/${created.id}/revoke`), 403);
    const revoked = expectOk(ops.revokePanelShare, await owner.api.post(`${P()}/shares/${created.id}/revoke`));
    expect(revoked).toMatchObject({ state: "revoked", revokedBy: "Pam" });
    const gone = (await openAnyShare(created.token).catch((e: unknown) => e)) as Error & { code: string };
    expect(gone.code).toBe("not_found");
    const unknown = (await openAnyShare("B".repeat(43)).catch((e: unknown) => e)) as Error;
    expect(gone.message).toBe(unknown.message); // the same answer as a link that never existed

    const expiring = expectOk(ops.createPanelShare, await owner.api.post(`${P()}/shares`, { expiresInDays: 1 }));
    await db.shareLink.update({ where: { id: expiring.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    await expect(openAnyShare(expiring.token)).rejects.toMatchObject({ code: "not_found" });
  });

  it("another workspace cannot list, create or revoke this panel's links", async () => {
    const created = expectOk(ops.createPanelShare, await owner.api.post(`${P()}/shares`, {}));
    const other = await signUpWithWorkspace({ name: "Olga" });
    expectError(await other.api.get(`${P(other)}/shares`), 404);
    expectError(await other.api.post(`${P(other)}/shares`, {}), 404);
    expectError(await other.api.post(`${P(other)}/shares/${created.id}/revoke`), 404);
    // …nor through the persona links' revoke route.
    expectError(await owner.api.post(`${wsPath(owner.workspaceId)}/shares/${created.id}/revoke`), 404);
    expect((await db.shareLink.findUniqueOrThrow({ where: { id: created.id } })).revokedAt).toBeNull();
  });

  it("persona share links still open the persona", async () => {
    const share = expectOk(ops.createShare, await owner.api.post(`${personaPath(owner.workspaceId, personaIds.ada)}/shares`, {}));
    const opened = await openAnyShare(share.token);
    expect(opened.kind).toBe("persona");
    expect(opened.kind === "persona" && opened.bundle.persona.name).toBe("Ada");
    expect(expectOk(ops.openShare, await owner.api.get(`/api/share/${share.token}`)).persona.name).toBe("Ada");
    expectError(await api(null).get(`/api/share/${share.token}/panel`), 404);
  });
});
