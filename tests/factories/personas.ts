import { ops } from "@/lib/http/operations";
import { emptySpec, type PersonaSpec } from "@/lib/schemas/persona";
import type { Role } from "@/lib/schemas/workspace";
import { api, expectOk, type Api } from "@/tests/factories/api";
import { signUp, type TestUser } from "@/tests/factories/auth";

// Builders for specs and for the workspace situations most tests start from.

export function buildSpec(overrides: Partial<PersonaSpec> = {}): PersonaSpec {
  return {
    ...emptySpec("Nurse Ada"),
    archetype: "a veteran ER triage nurse",
    background: "Twenty years on night shifts in a city hospital.",
    values: ["patient safety", "honesty"],
    voice: { register: "professional", tone: "calm, dry humour", length: "brief" },
    boundaries: ["never diagnose over chat"],
    traitTargets: { empathetic: 80, firm: 70 },
    ...overrides,
  };
}

export const wsPath = (workspaceId: string) => `/api/workspaces/${workspaceId}`;
export const personaPath = (workspaceId: string, personaId: string) => `${wsPath(workspaceId)}/personas/${personaId}`;

export type Member = TestUser & { api: Api; workspaceId: string };

/** Signs up an account and returns it with a client and its personal workspace. */
export async function signUpWithWorkspace(overrides: Parameters<typeof signUp>[0] = {}): Promise<Member> {
  const user = await signUp(overrides);
  const client = api(user.cookie);
  const me = expectOk(ops.me, await client.get("/api/me"));
  return { ...user, api: client, workspaceId: me.workspaces[0].id };
}

/** Signs up a second account, invites it to `owner`'s workspace with `role`, and accepts from its inbox. */
export async function addTeammate(owner: Member, role: Role, name?: string) {
  const mate = await signUp({ name: name ?? `${role[0].toUpperCase()}${role.slice(1)} Person` });
  const mateApi = api(mate.cookie);
  const { memberId } = await inviteAndAccept(owner, { email: mate.email, api: mateApi }, role);
  return { ...mate, api: mateApi, workspaceId: owner.workspaceId, memberId };
}

/**
 * `owner` invites `invitee`'s address with `role`; the invitee accepts by the invitation's
 * link (the mailed one: it works whether or not mail is configured, and with mail it also
 * confirms the address — answering from the inbox needs a confirmed one then).
 */
export async function inviteAndAccept(owner: { api: Api; workspaceId: string }, invitee: { email: string; api: Api }, role: Role) {
  const sent = expectOk(ops.inviteMember, await owner.api.post(`${wsPath(owner.workspaceId)}/invitations`, { email: invitee.email, role }));
  const token = new URL(sent.link).pathname.split("/").pop()!;
  return expectOk(ops.acceptInvitation, await invitee.api.post(`/api/invitations/${token}/accept`));
}

export async function createPersona(owner: { api: Api; workspaceId: string }, body: { name: string; archetype?: string; spec?: PersonaSpec } = { name: "Nurse Ada", spec: buildSpec() }) {
  return expectOk(ops.createPersona, await owner.api.post(`${wsPath(owner.workspaceId)}/personas`, body));
}

export async function saveDraft(owner: { api: Api; workspaceId: string }, personaId: string, revision: number, spec: PersonaSpec) {
  return expectOk(ops.updateDraft, await owner.api.patch(personaPath(owner.workspaceId, personaId), { revision, spec }));
}

export async function saveVersion(owner: { api: Api; workspaceId: string }, personaId: string, revision: number, message: string) {
  return expectOk(
    ops.createVersion,
    await owner.api.post(`${personaPath(owner.workspaceId, personaId)}/versions`, { message, revision }),
  );
}
