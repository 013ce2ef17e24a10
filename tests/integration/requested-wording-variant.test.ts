import { beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { describeTraitTarget } from "@/lib/persona/compile";
import { requestedSentence } from "@/lib/persona/requested-wording";
import { expectError, expectOk } from "@/tests/factories/api";
import { addTeammate, buildSpec, createPersona, personaPath, signUpWithWorkspace, type Member } from "@/tests/factories/personas";

// "Try the requested-behaviour wording" (issue 14 §4): one click makes a
// variant of the draft with a targeted trait stated as a role requirement.

let owner: Member;
let personaId: string;
const path = (id = personaId) => `${personaPath(owner.workspaceId, id)}/variants/requested-wording`;

beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Tomas" });
  personaId = (await createPersona(owner, { name: "Refund desk", spec: buildSpec({ traitTargets: { empathetic: 85, firm: 90 } }) })).id;
});

describe("POST …/variants/requested-wording", () => {
  it("creates the variant with the trait moved into a role requirement, numbered on a name clash", async () => {
    const v = expectOk(ops.createRequestedWordingVariant, await owner.api.post(path(), { trait: "firm" }));
    expect(v.name).toBe("Firm as a role requirement");
    expect(v.spec.traitTargets).toEqual({ empathetic: 85 });
    expect(v.spec.requirements).toEqual([requestedSentence("firm", 90)]);
    expect(v.compiledPrompt).toContain(requestedSentence("firm", 90));
    expect(v.compiledPrompt).not.toContain(describeTraitTarget("firm", 90));
    // Served as the variants API serves it.
    const listed = expectOk(ops.listVariants, await owner.api.get(`${personaPath(owner.workspaceId, personaId)}/variants`));
    expect(listed.find((x) => x.id === v.id)).toEqual(v);
    const again = expectOk(ops.createRequestedWordingVariant, await owner.api.post(path(), { trait: "firm" }));
    const third = expectOk(ops.createRequestedWordingVariant, await owner.api.post(path(), { trait: "firm" }));
    expect([again.name, third.name]).toEqual(["Firm as a role requirement 2", "Firm as a role requirement 3"]);
  });

  it("refuses an untargeted trait and a hand-written prompt, naming `trait`", async () => {
    expectError(await owner.api.post(path(), { trait: "skeptical" }), 422, "trait");
    const overridden = await createPersona(owner, { name: "Hand-written", spec: buildSpec({ traitTargets: { firm: 80 }, promptOverride: "You are a clerk." }) });
    expectError(await owner.api.post(path(overridden.id), { trait: "firm" }), 422, "trait");
  });

  it("is for editors, and another workspace's persona is not found", async () => {
    const viewer = await addTeammate(owner, "viewer");
    expectError(await viewer.api.post(path(), { trait: "firm" }), 403);
    const other = await signUpWithWorkspace({ name: "Ulla" });
    expectError(await other.api.post(`${personaPath(other.workspaceId, personaId)}/variants/requested-wording`, { trait: "firm" }), 404);
  });
});
