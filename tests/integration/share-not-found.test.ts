import { beforeAll, describe, expect, it } from "vitest";
import { ops } from "@/lib/http/operations";
import { expectOk, rawSend } from "@/tests/factories/api";
import { db } from "@/tests/factories/db";
import { createPersona, personaPath, saveVersion, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";
import { NO_SUCH_TOKEN } from "@/tests/factories/requests";

// A share token is the only credential, so every way a link fails — malformed,
// unknown, truncated, revoked, expired — answers the very same bytes and headers
// on both public routes: a probe cannot tell a revoked link from a typo.

let owner: Member;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Sharer" });
  const persona = await createPersona(owner);
  await saveVersion(owner, persona.id, persona.revision, "first");
  const share = async () => expectOk(ops.createShare, await owner.api.post(`${personaPath(owner.workspaceId, persona.id)}/shares`, {}));
  const live = await share();
  const revoked = await share();
  expectOk(ops.revokeShare, await owner.api.post(`${wsPath(owner.workspaceId)}/shares/${revoked.id}/revoke`));
  const expired = await share();
  await db.shareLink.update({ where: { id: expired.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
  Object.assign(tokens, {
    live: live.token,
    revoked: revoked.token,
    expired: expired.token,
    unknown: NO_SUCH_TOKEN,
    truncated: live.token.slice(0, 20),
    extended: `${live.token}A`,
    malformed: "not a token!",
    empty: "%20",
  });
});

async function snapshot(path: string) {
  const res = await rawSend("GET", path);
  // The date and the request id (fresh for every request, whatever the token) differ by design.
  const headers = [...res.headers].filter(([name]) => name !== "date" && name !== "x-request-id").sort();
  return { status: res.status, headers, body: await res.text() };
}

describe.each(["", "/answers"])("GET /api/share/{token}%s", (suffix) => {
  it("answers byte-identical 404s for malformed, unknown, truncated, extended, revoked and expired tokens", async () => {
    const failures = ["unknown", "malformed", "truncated", "extended", "revoked", "expired", "empty"];
    const answers = await Promise.all(failures.map((k) => snapshot(`/api/share/${encodeURIComponent(tokens[k])}${suffix}`)));
    expect(answers[0].status).toBe(404);
    expect(JSON.parse(answers[0].body)).toEqual({ error: { code: "not_found", message: expect.any(String) } });
    expect(answers[0].headers).toContainEqual(["cache-control", "private, no-store"]);
    answers.forEach((a, i) => expect(a, failures[i]).toEqual(answers[0]));
  });

  it("is the same 404 on both routes, and the live link still opens", async () => {
    const [bundle, answers] = await Promise.all([snapshot(`/api/share/${NO_SUCH_TOKEN}`), snapshot(`/api/share/${NO_SUCH_TOKEN}/answers`)]);
    expect(answers).toEqual(bundle);
    expect((await snapshot(`/api/share/${tokens.live}${suffix}`)).status).toBe(200);
  });
});
