import { beforeAll, beforeEach, expect } from "vitest";
import type { Operation } from "@/lib/http/operation";
import type { ApiResponse } from "@/tests/factories/api";
import { signUp } from "@/tests/factories/auth";
import { snapshotDb } from "@/tests/factories/db";
import { addTeammate, createPersona, saveVersion, signUpWithWorkspace, type Member } from "@/tests/factories/personas";
import { validRequest, type Ids } from "@/tests/factories/requests";

// The workspace every sweep over the operation registry starts from: an owner with
// a persona (one version), an editor teammate and an outsider account, plus a
// database snapshot before each test so "nothing was written" can be checked.

export type SweepWorkspace = {
  readonly owner: Member;
  readonly ids: Ids;
  readonly outsiderEmail: string;
  /** Fails unless the database is exactly as it was before the test. */
  expectNothingWritten(): Promise<void>;
  /** The operation's valid path and query, sent by the owner with the given body. */
  send(op: Operation, init: { body?: unknown; rawBody?: string }): Promise<ApiResponse>;
};

export function sweepWorkspace(ownerName: string, outsiderName?: string): SweepWorkspace {
  let owner: Member;
  let ids: Ids;
  let outsiderEmail: string;
  let before: Awaited<ReturnType<typeof snapshotDb>>;

  beforeAll(async () => {
    owner = await signUpWithWorkspace({ name: ownerName });
    const persona = await createPersona(owner);
    await saveVersion(owner, persona.id, persona.revision, "first");
    const teammate = await addTeammate(owner, "editor");
    outsiderEmail = (await signUp(outsiderName ? { name: outsiderName } : {})).email;
    ids = { workspaceId: owner.workspaceId, personaId: persona.id, memberId: teammate.memberId, number: 1, revision: persona.revision, email: outsiderEmail };
  });

  beforeEach(async () => {
    before = await snapshotDb();
  });

  return {
    get owner() { return owner; },
    get ids() { return ids; },
    get outsiderEmail() { return outsiderEmail; },
    async expectNothingWritten() {
      expect(await snapshotDb()).toEqual(before);
    },
    send(op, init) {
      const { path, query } = validRequest(op, ids);
      return owner.api.send(op.method, path, { query, ...init });
    },
  };
}
