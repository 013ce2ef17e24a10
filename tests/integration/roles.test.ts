import { beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import type { Role } from "@/lib/schemas/workspace";
import { api, expectError, expectOk } from "@/tests/factories/api";
import { signUp } from "@/tests/factories/auth";
import { snapshotDb } from "@/tests/factories/db";
import {
  addTeammate, buildSpec, createPersona, inviteAndAccept, personaPath, saveVersion, signUpWithWorkspace, wsPath, type Member,
} from "@/tests/factories/personas";

type Teammate = Awaited<ReturnType<typeof addTeammate>>;

let owner: Member;
const team = {} as Record<Exclude<Role, "owner">, Teammate>;

beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Olive Owner" });
  for (const role of ["viewer", "reviewer", "editor"] as const) team[role] = await addTeammate(owner, role);
});

describe("adding members", () => {
  it("lists the owner and the three added accounts with their roles", async () => {
    const members = expectOk(ops.listMembers, await team.viewer.api.get(`${wsPath(owner.workspaceId)}/members`));
    expect(members.map((m) => [m.name, m.role])).toEqual([
      ["Olive Owner", "owner"], ["Viewer Person", "viewer"], ["Reviewer Person", "reviewer"], ["Editor Person", "editor"],
    ]);
  });

  it("shows the shared workspace in the new member's own /api/me with their role", async () => {
    const me = expectOk(ops.me, await team.reviewer.api.get("/api/me"));
    expect(me.workspaces).toHaveLength(2);
    expect(me.workspaces.find((w) => w.id !== owner.workspaceId)).toMatchObject({ role: "owner", personal: true });
    expect(me.workspaces.find((w) => w.id === owner.workspaceId)).toMatchObject({ role: "reviewer", memberCount: 4, personal: false });
  });

  it("invites whatever the case of the email typed, and the account joins only on accepting", async () => {
    const mate = await signUp();
    const sent = expectOk(ops.inviteMember, await owner.api.post(`${wsPath(owner.workspaceId)}/invitations`, { email: mate.email.toUpperCase(), role: "viewer" }));
    expect(sent.invitation.email).toBe(mate.email.toLowerCase());
    const before = expectOk(ops.listMembers, await owner.api.get(`${wsPath(owner.workspaceId)}/members`));
    expect(before.some((m) => m.userId === mate.id)).toBe(false);
    const joined = await inviteAndAccept(owner, { email: mate.email, api: api(mate.cookie) }, "viewer");
    const after = expectOk(ops.listMembers, await owner.api.get(`${wsPath(owner.workspaceId)}/members`));
    expect(after.find((m) => m.id === joined.memberId)).toMatchObject({ userId: mate.id, role: "viewer" });
  });

  it("answers an address nobody signed up with exactly as one with an account", async () => {
    const mate = await signUp();
    const known = await owner.api.post(`${wsPath(owner.workspaceId)}/invitations`, { email: mate.email, role: "editor" });
    const unknown = await owner.api.post(`${wsPath(owner.workspaceId)}/invitations`, { email: "nobody@example.test", role: "editor" });
    expect(unknown.status).toBe(known.status);
    const shape = (r: typeof known, email: string) => {
      const body = expectOk(ops.inviteMember, r);
      return { message: body.message.replace(email, "ADDRESS"), keys: Object.keys(body).sort(), invitation: Object.keys(body.invitation).sort() };
    };
    expect(shape(unknown, "nobody@example.test")).toEqual(shape(known, mate.email.toLowerCase()));
  });

  it("answers 409 when the account is already a member", async () => {
    const res = await owner.api.post(`${wsPath(owner.workspaceId)}/invitations`, { email: team.viewer.email, role: "editor" });
    expectError(res, 409, "email");
    const members = expectOk(ops.listMembers, await owner.api.get(`${wsPath(owner.workspaceId)}/members`));
    expect(members.find((m) => m.userId === team.viewer.id)?.role).toBe("viewer");
  });
});

describe("what each role may do with personas", () => {
  it.each(["viewer", "reviewer"] as const)("a %s can read but gets 403 on every change, and nothing is written", async (role) => {
    const persona = await createPersona(owner);
    await saveVersion(owner, persona.id, persona.revision, "first");
    const me = team[role];
    const path = personaPath(owner.workspaceId, persona.id);

    expectOk(ops.getPersona, await me.api.get(path));
    expectOk(ops.listPersonas, await me.api.get(`${wsPath(owner.workspaceId)}/personas`));
    expectOk(ops.listVersions, await me.api.get(`${path}/versions`));

    const before = await snapshotDb();
    expectError(await me.api.post(`${wsPath(owner.workspaceId)}/personas`, { name: "Mine" }), 403);
    expectError(await me.api.patch(path, { revision: persona.revision, spec: buildSpec({ name: "Hijacked" }) }), 403);
    expectError(await me.api.post(`${path}/versions`, { message: "sneaky", revision: persona.revision }), 403);
    expectError(await me.api.post(`${path}/archive`, { archived: true }), 403);
    expectError(await me.api.post(`${path}/versions/1/restore`, { revision: persona.revision }), 403);
    expectError(await me.api.delete(path), 403);
    expect(await snapshotDb()).toEqual(before);
  });

  it("an editor can create, edit, version, archive and delete", async () => {
    const editor = team.editor;
    const created = expectOk(
      ops.createPersona,
      await editor.api.post(`${wsPath(owner.workspaceId)}/personas`, { name: "Editor's pick", archetype: "a ship's cook" }),
    );
    const path = personaPath(owner.workspaceId, created.id);
    const edited = expectOk(ops.updateDraft, await editor.api.patch(path, { revision: created.revision, spec: { ...created.spec, background: "Sailed ten years." } }));
    expect(edited.updatedBy).toBe("Editor Person");
    expectOk(ops.createVersion, await editor.api.post(`${path}/versions`, { message: "v1", revision: edited.revision }));
    expectOk(ops.archivePersona, await editor.api.post(`${path}/archive`, { archived: true }));
    expectOk(ops.deletePersona, await editor.api.delete(path));
    expectError(await owner.api.get(path), 404);
  });

  it("an editor cannot add members or change roles (owner only)", async () => {
    const other = await signUp();
    expectError(await team.editor.api.post(`${wsPath(owner.workspaceId)}/invitations`, { email: other.email, role: "viewer" }), 403);
    expectError(await team.editor.api.patch(`${wsPath(owner.workspaceId)}/members/${team.viewer.memberId}`, { role: "owner" }), 403);
    expectError(await team.editor.api.patch(`${wsPath(owner.workspaceId)}/members/${team.editor.memberId}`, { role: "owner" }), 403);
    expectError(await team.editor.api.patch(wsPath(owner.workspaceId), { name: "Taken over" }), 403);
  });
});

describe("owners", () => {
  it("change a member's role, and the new role takes effect at once", async () => {
    const mate = await addTeammate(owner, "viewer", "Promoted Person");
    expectError(await mate.api.post(`${wsPath(owner.workspaceId)}/personas`, { name: "Not yet" }), 403);
    const updated = expectOk(ops.updateMember, await owner.api.patch(`${wsPath(owner.workspaceId)}/members/${mate.memberId}`, { role: "editor" }));
    expect(updated.role).toBe("editor");
    expectOk(ops.createPersona, await mate.api.post(`${wsPath(owner.workspaceId)}/personas`, { name: "Now I can" }));
  });

  it("cannot demote or remove the last owner (409), but can once there is a second owner", async () => {
    const members = expectOk(ops.listMembers, await owner.api.get(`${wsPath(owner.workspaceId)}/members`));
    const ownerMember = members.find((m) => m.userId === owner.id)!;
    const ownerPath = `${wsPath(owner.workspaceId)}/members/${ownerMember.id}`;

    expectError(await owner.api.patch(ownerPath, { role: "editor" }), 409);
    expectError(await owner.api.delete(ownerPath), 409);
    expect(expectOk(ops.me, await owner.api.get("/api/me")).workspaces.find((w) => w.id === owner.workspaceId)?.role).toBe("owner");

    const coOwner = await addTeammate(owner, "owner", "Co Owner");
    expect(expectOk(ops.updateMember, await owner.api.patch(ownerPath, { role: "editor" })).role).toBe("editor");
    // Back to the starting state for the other tests.
    expectOk(ops.updateMember, await coOwner.api.patch(ownerPath, { role: "owner" }));
    expectOk(ops.removeMember, await owner.api.delete(`${wsPath(owner.workspaceId)}/members/${coOwner.memberId}`));
  });

  it("remove a member, who then cannot see the workspace any more", async () => {
    const mate = await addTeammate(owner, "editor", "Leaving Person");
    expectOk(ops.removeMember, await owner.api.delete(`${wsPath(owner.workspaceId)}/members/${mate.memberId}`));
    expectError(await mate.api.get(`${wsPath(owner.workspaceId)}/personas`), 404);
  });
});

describe("leaving", () => {
  it("a viewer may leave but may not remove anyone else", async () => {
    const mate = await addTeammate(owner, "viewer", "Short Stay");
    expectError(await mate.api.delete(`${wsPath(owner.workspaceId)}/members/${team.editor.memberId}`), 403);
    expectOk(ops.removeMember, await mate.api.delete(`${wsPath(owner.workspaceId)}/members/${mate.memberId}`));
    expect(expectOk(ops.me, await mate.api.get("/api/me")).workspaces.map((w) => w.id)).not.toContain(owner.workspaceId);
  });
});
