import { beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import type { PanelSpec, SeatPlan } from "@/lib/schemas/panel";
import { expectError, expectOk } from "@/tests/factories/api";
import { db } from "@/tests/factories/db";
import { addTeammate, createPersona, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";

// Issue 13 §2 "Spread seats": the single-model plan and a routed plan across the
// workspace's providers (two stored providers + the simulator's three models),
// members spread evenly, polarity pairs on different providers, each seat
// explained; computed, never saved. Editors only; another workspace's panel is not found.

let owner: Member;
let viewer: Awaited<ReturnType<typeof addTeammate>>;
let editor: Awaited<ReturnType<typeof addTeammate>>;
let outsider: Member;
let panelId: string;
let openRouterId: string;

const NAMES = { socrates: "Socrates", feynman: "Feynman", ada: "Ada Lovelace", "sun-tzu": "Sun Tzu" } as const;
const spread = (ws = owner.workspaceId, id = panelId) => `${wsPath(ws)}/panels/${id}/spread-seats`;
const spreadCandidates = async () => expectOk(ops.spreadSeats, await owner.api.post(spread(), {})).candidates;
const byProvider = (plan: SeatPlan) => {
  const counts: Record<string, number> = {};
  for (const s of Object.values(plan.seats)) counts[s.providerId] = (counts[s.providerId] ?? 0) + 1;
  return counts;
};

async function panelRow(spec: PanelSpec, member: Member = owner) {
  return db.panel.create({
    data: {
      workspaceId: member.workspaceId, slug: `council-${Math.random().toString(36).slice(2, 8)}`, name: "Council", spec: JSON.stringify(spec),
      createdById: member.id, updatedById: member.id, updatedByName: member.name,
    },
  });
}

beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Dana Designer" });
  viewer = await addTeammate(owner, "viewer");
  editor = await addTeammate(owner, "editor");
  outsider = await signUpWithWorkspace({ name: "Olly Outsider" });
  const members: PanelSpec["members"] = [];
  for (const [key, name] of Object.entries(NAMES)) {
    const persona = await createPersona(owner, { name });
    members.push({ key, personaId: persona.id, version: "latest" });
  }
  const provider = (name: string, defaultModel: string) =>
    owner.api.post(`${wsPath(owner.workspaceId)}/providers`, { name, baseUrl: "http://127.0.0.1:9/v1", defaultModel });
  openRouterId = expectOk(ops.createProvider, await provider("OpenRouter", "gpt-4o-mini")).id;
  expectOk(ops.createProvider, await provider("Ollama", "llama3.1"));
  const row = await panelRow({
    members, groups: [], questions: [], activePlan: "single", plans: {},
    polarityPairs: [{ a: "socrates", b: "feynman", axis: { trait: "skeptical" } }, { a: "ada", b: "sun-tzu" }],
  });
  panelId = row.id;
});

describe("spread seats", () => {
  it("keeps the single-model plan on the workspace default and routes members across providers, pairs apart", async () => {
    const result = expectOk(ops.spreadSeats, await owner.api.post(spread(), {}));
    for (const seat of Object.values(result.single.seats)) expect(seat).toEqual({ providerId: "simulator", model: "persona-sim-1" });
    const counts = byProvider(result.routed);
    expect(Object.keys(counts)).toHaveLength(3);
    expect(Math.max(...Object.values(counts)) - Math.min(...Object.values(counts))).toBeLessThanOrEqual(1);
    const { seats, explanations } = result.routed;
    expect(seats.socrates.providerId).not.toBe(seats.feynman.providerId);
    expect(seats.ada.providerId).not.toBe(seats["sun-tzu"].providerId);
    expect(result.routed.strategy).toEqual({ providerSpreadFirst: true, avoidPairCollocation: true });
    // Every seat explained with the persona's name, its seat and its partner's.
    const label = (k: keyof typeof NAMES) => result.candidates.find((c) => c.providerId === seats[k].providerId && c.model === seats[k].model)!.label;
    expect(explanations!.feynman).toContain(`Feynman on ${label("feynman")}: its polarity partner Socrates sits on ${label("socrates")}`);
    expect(explanations!.ada).toContain(`its polarity partner Sun Tzu sits on ${label("sun-tzu")}`);
  });

  it("offers the simulator's three models and each provider's default model, the workspace default first", async () => {
    const { candidates } = expectOk(ops.spreadSeats, await editor.api.post(spread(), {}));
    expect(candidates).toEqual([
      { providerId: "simulator", model: "persona-sim-1", label: "Simulator — not a language model · persona-sim-1" },
      { providerId: "simulator", model: "persona-sim-2", label: "Simulator — not a language model · persona-sim-2" },
      { providerId: "simulator", model: "persona-sim-3", label: "Simulator — not a language model · persona-sim-3" },
      { providerId: openRouterId, model: "gpt-4o-mini", label: "OpenRouter · gpt-4o-mini" },
      { providerId: expect.any(String), model: "llama3.1", label: "Ollama · llama3.1" },
    ]);
  });

  it("saves nothing, and gives the same plan again once the routed plan is kept", async () => {
    const before = await db.panel.findUniqueOrThrow({ where: { id: panelId } });
    const first = expectOk(ops.spreadSeats, await owner.api.post(spread(), {}));
    expect(await db.panel.findUniqueOrThrow({ where: { id: panelId } })).toEqual(before);
    const spec = JSON.parse(before.spec) as PanelSpec;
    await db.panel.update({ where: { id: panelId }, data: { spec: JSON.stringify({ ...spec, plans: { routed: first.routed } }) } });
    try {
      const again = expectOk(ops.spreadSeats, await owner.api.post(spread(), {}));
      expect(again.routed).toEqual(first.routed);
    } finally {
      await db.panel.update({ where: { id: panelId }, data: { spec: before.spec } });
    }
  });

  it("follows the strategy in the body", async () => {
    const { routed } = expectOk(ops.spreadSeats, await owner.api.post(spread(), { strategy: { providerSpreadFirst: false, avoidPairCollocation: false } }));
    expect(routed.strategy).toEqual({ providerSpreadFirst: false, avoidPairCollocation: false });
    // Seats first: five seats, four members — one each, so no seat holds two.
    const perSeat = new Set(Object.values(routed.seats).map((s) => `${s.providerId}/${s.model}`));
    expect(perSeat.size).toBe(4);
  });

  it("puts the single-model plan on a new workspace default", async () => {
    expectOk(ops.setDefaultProvider, await owner.api.send("PUT", `${wsPath(owner.workspaceId)}/providers/default`, { body: { providerId: openRouterId, model: "gpt-4o-mini" } }));
    try {
      const result = expectOk(ops.spreadSeats, await owner.api.post(spread(), {}));
      for (const seat of Object.values(result.single.seats)) expect(seat).toEqual({ providerId: openRouterId, model: "gpt-4o-mini" });
      expect(result.candidates[0]).toEqual({ providerId: openRouterId, model: "gpt-4o-mini", label: "OpenRouter · gpt-4o-mini" });
      expect(result.single.explanations!.ada).toBe("Ada Lovelace on OpenRouter · gpt-4o-mini: the workspace default, where every member sits in the single-model plan");
    } finally {
      expectOk(ops.setDefaultProvider, await owner.api.send("PUT", `${wsPath(owner.workspaceId)}/providers/default`, { body: { providerId: "simulator", model: "persona-sim-1" } }));
    }
  });

  it("leaves out a provider whose stored key no longer opens: every call to it would fail", async () => {
    const lost = expectOk(ops.createProvider, await owner.api.post(`${wsPath(owner.workspaceId)}/providers`, { name: "Lost Key", baseUrl: "http://127.0.0.1:9/v1", apiKey: "sk-lost-0123456789abcd", defaultModel: "m" }));
    try {
      expect((await spreadCandidates()).map((c) => c.providerId)).toContain(lost.id);
      await db.modelProvider.update({ where: { id: lost.id }, data: { apiKeyEnc: "not-a-sealed-value" } });
      expect((await spreadCandidates()).map((c) => c.providerId)).not.toContain(lost.id);
    } finally {
      await db.modelProvider.delete({ where: { id: lost.id } });
    }
  });

  it("spreads a simulator-only workspace across the simulated models", async () => {
    const solo = await signUpWithWorkspace({ name: "Sim Only" });
    const a = await createPersona(solo, { name: "Socrates" });
    const b = await createPersona(solo, { name: "Feynman" });
    const row = await panelRow({
      members: [{ key: "socrates", personaId: a.id, version: "latest" }, { key: "feynman", personaId: b.id, version: "latest" }],
      polarityPairs: [{ a: "socrates", b: "feynman" }], groups: [], questions: [], activePlan: "single", plans: {},
    }, solo);
    const { routed } = expectOk(ops.spreadSeats, await solo.api.post(spread(solo.workspaceId, row.id), {}));
    expect(routed.seats.socrates.model).not.toBe(routed.seats.feynman.model);
    expect(routed.explanations!.feynman).toContain("shares Simulator — not a language model with its polarity partner Socrates");
    expect(routed.explanations!.feynman).toContain("no other provider was free of its partners");
  });
});

describe("access", () => {
  it("refuses a viewer with 403", async () => {
    expectError(await viewer.api.post(spread(), {}), 403);
  });

  it("answers 404 for another workspace's panel, by either path", async () => {
    expectError(await outsider.api.post(spread(), {}), 404);
    expectError(await outsider.api.post(spread(outsider.workspaceId), {}), 404);
  });

  it("answers 404 for a panel that does not exist", async () => {
    expectError(await owner.api.post(spread(owner.workspaceId, "no-such-panel"), {}), 404);
  });
});
