import { beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { expectError, expectOk, tokenApi } from "@/tests/factories/api";
import { db } from "@/tests/factories/db";
import { addTeammate, inviteAndAccept, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";

// An API token is bound to the membership it was made under, not just the
// account: a member who is removed and added again gets a new membership, and
// the tokens they made before stay dead (issue 10, item 12).

let owner: Member;

beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Olive Owner" });
});

const members = () => `${wsPath(owner.workspaceId)}/members`;
const personas = () => `${wsPath(owner.workspaceId)}/personas`;

describe("tokens bound to the membership", () => {
  it("stores the creator's membership on the token", async () => {
    const created = expectOk(ops.createApiToken, await owner.api.post(`${wsPath(owner.workspaceId)}/api-tokens`, { name: "CI" }));
    const row = await db.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    const membership = await db.membership.findUniqueOrThrow({ where: { workspaceId_userId: { workspaceId: owner.workspaceId, userId: row.userId } } });
    expect(row.membershipId).toBe(membership.id);
  });

  it("a removed member's token stays 401 after the same account is added again", async () => {
    const mate = await addTeammate(owner, "owner", "Rita Returning");
    const { token } = expectOk(ops.createApiToken, await mate.api.post(`${wsPath(owner.workspaceId)}/api-tokens`, { name: "Laptop", role: "editor" }));
    expectOk(ops.listPersonas, await tokenApi(token).get(personas()));

    expectOk(ops.removeMember, await owner.api.delete(`${members()}/${mate.memberId}`));
    expect(expectError(await tokenApi(token).get(personas()), 401).message).toMatch(/left the workspace/);

    const back = await inviteAndAccept(owner, mate, "owner");
    expect(back.memberId).not.toBe(mate.memberId);
    // The account is a member again and works signed in …
    expectOk(ops.listPersonas, await mate.api.get(personas()));
    // … but the old token does not come back to life, for reads or writes.
    expect(expectError(await tokenApi(token).get(personas()), 401).message).toMatch(/left the workspace/);
    const before = await db.persona.count();
    expectError(await tokenApi(token).post(personas(), { name: "Revenant" }), 401);
    expect(await db.persona.count()).toBe(before);

    // A token made under the new membership works.
    const fresh = expectOk(ops.createApiToken, await mate.api.post(`${wsPath(owner.workspaceId)}/api-tokens`, { name: "Laptop 2" }));
    expectOk(ops.listPersonas, await tokenApi(fresh.token).get(personas()));
  });

  it("a token without a membership (none to backfill) is refused", async () => {
    const created = expectOk(ops.createApiToken, await owner.api.post(`${wsPath(owner.workspaceId)}/api-tokens`, { name: "Orphan" }));
    await db.apiToken.update({ where: { id: created.id }, data: { membershipId: null } });
    expectError(await tokenApi(created.token).get(personas()), 401);
  });
});
