import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { ops } from "@/lib/http/operations";
import type { CommentThread } from "@/lib/schemas/review";
import { api, expectError, expectOk } from "@/tests/factories/api";
import { createPersona, personaPath, saveVersion, signUpWithWorkspace, wsPath, type Member } from "@/tests/factories/personas";

// Issue 15 §4: a persona's comment threads come a page of whole threads at a
// time (the cursor in the X-Next-Cursor header, the body still a plain array),
// oldest first with the root comment's id breaking ties; share pages still get
// every thread.

let owner: Member;
let personaId: string;
const path = () => `${personaPath(owner.workspaceId, personaId)}/comments`;
const T = new Date("2026-03-01T09:00:00.000Z");
const at = (minutes: number) => new Date(T.getTime() + minutes * 60_000);

/** Every page of the list, following X-Next-Cursor; the bodies must be plain arrays. */
async function walk(query: Record<string, string | number>): Promise<{ threads: CommentThread[]; pages: number }> {
  const threads: CommentThread[] = [];
  let cursor: string | null = null;
  for (let pages = 1; pages <= 100; pages++) {
    const res = await owner.api.get(path(), { ...query, ...(cursor ? { cursor } : {}) });
    expect(Array.isArray(res.body)).toBe(true);
    threads.push(...expectOk(ops.listComments, res));
    cursor = res.headers.get("x-next-cursor");
    if (!cursor) return { threads, pages };
  }
  throw new Error("the cursor never ended");
}

const ids = (threads: CommentThread[]) => threads.map((t) => t.id);

beforeAll(async () => {
  owner = await signUpWithWorkspace({ name: "Olga Owner" });
  const persona = await createPersona(owner, { name: "Nurse Ada" });
  personaId = persona.id;
  await saveVersion(owner, personaId, persona.revision, "first cut");
  // Nine threads (every third about the persona in general, the rest about v1), each but the
  // last with replies; then their times are set directly: threads 0–4 share one createdAt
  // (only the id orders them), the others are later, in reverse order of writing.
  const threads = [];
  for (let i = 0; i < 9; i++) {
    const anchor = i % 3 === 0 ? { kind: "persona" } : { kind: "version", version: 1 };
    const t = expectOk(ops.createComment, await owner.api.post(path(), { body: `thread ${i}`, anchor }));
    const replies = [];
    for (let r = 0; r < (i === 8 ? 0 : (i % 3) + 1); r++) {
      replies.push(expectOk(ops.createComment, await owner.api.post(path(), { body: `reply ${i}.${r}`, parentId: t.id })));
    }
    threads.push({ t, replies });
  }
  for (const [i, { t, replies }] of threads.entries()) {
    await db.comment.update({ where: { id: t.id }, data: { createdAt: i < 5 ? T : at(100 - i) } });
    // Replies keep to their thread even when older than other threads' roots; the first two are tied too.
    for (const [r, reply] of replies.entries()) await db.comment.update({ where: { id: reply.id }, data: { createdAt: at(r < 2 ? -50 : -50 + r) } });
  }
  // Threads 1, 4 and 7 are resolved.
  for (const i of [1, 4, 7]) expectOk(ops.resolveComment, await owner.api.post(`${wsPath(owner.workspaceId)}/comments/${threads[i].t.id}/resolve`, { resolved: true }));
});

describe("cursor pages of a persona's comment threads", () => {
  it("walks every thread exactly once, oldest first with the id breaking ties, replies kept with their thread", async () => {
    const whole = expectOk(ops.listComments, await owner.api.get(path(), { limit: 200 }));
    expect(whole).toHaveLength(9);
    const rows = await db.comment.findMany({ where: { personaId, parentId: null }, select: { id: true, createdAt: true } });
    const expected = rows
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
      .map((r) => r.id);
    expect(ids(whole)).toEqual(expected);
    expect(whole.slice(0, 5).every((t) => t.createdAt === T.toISOString())).toBe(true);

    for (const limit of [1, 2, 4]) {
      const { threads, pages } = await walk({ limit });
      expect(ids(threads)).toEqual(expected);
      expect(pages).toBe(Math.ceil(9 / limit));
      expect(threads).toEqual(whole); // replies included, in the same order, on the page of their thread
    }
    const byBody = new Map(whole.map((t) => [t.body, t.replies.map((r) => r.body)]));
    expect(byBody.get("thread 2")).toEqual(["reply 2.0", "reply 2.1", "reply 2.2"]);
    expect(byBody.get("thread 8")).toEqual([]);
    for (const t of whole) expect(t.replies.every((r) => r.parentId === t.id)).toBe(true);
  });

  it("applies the filters across pages", async () => {
    const whole = expectOk(ops.listComments, await owner.api.get(path(), { limit: 200 }));
    const open = whole.filter((t) => !t.resolvedAt);
    const resolved = whole.filter((t) => t.resolvedAt);
    const v1 = whole.filter((t) => t.anchor.version === 1);
    expect([open.length, resolved.length, v1.length]).toEqual([6, 3, 6]);
    expect((await walk({ limit: 2, status: "open" })).threads).toEqual(open);
    expect((await walk({ limit: 2, status: "resolved" })).threads).toEqual(resolved);
    expect((await walk({ limit: 4, version: 1 })).threads).toEqual(v1);
    expect((await walk({ limit: 1, version: 1, status: "open" })).threads).toEqual(v1.filter((t) => !t.resolvedAt));
  });

  it("sends 50 threads by default and no cursor after the last page; share pages still get every thread", async () => {
    const many = await createPersona(owner, { name: "Busy" });
    await saveVersion(owner, many.id, many.revision, "v1");
    await db.comment.createMany({
      data: Array.from({ length: 55 }, (_, i) => ({
        workspaceId: owner.workspaceId, personaId: many.id, anchorKind: "version", anchorLabel: "v1", versionNumber: 1,
        body: `note ${i}`, authorId: owner.id, authorName: owner.name, createdAt: at(i),
      })),
    });
    const p = `${personaPath(owner.workspaceId, many.id)}/comments`;
    const first = await owner.api.get(p);
    expect(expectOk(ops.listComments, first).map((t) => t.body)).toEqual(Array.from({ length: 50 }, (_, i) => `note ${i}`));
    const rest = await owner.api.get(p, { cursor: first.headers.get("x-next-cursor")! });
    expect(expectOk(ops.listComments, rest)).toHaveLength(5);
    expect(rest.headers.get("x-next-cursor")).toBeNull();

    const link = expectOk(ops.createShare, await owner.api.post(`${personaPath(owner.workspaceId, many.id)}/shares`, { includeComments: true }));
    const bundle = expectOk(ops.openShare, await api(null).get(`/api/share/${link.token}`));
    expect(bundle.comments).toHaveLength(55);
  });

  it("answers a malformed or foreign cursor and an out-of-range limit with 422 naming the field", async () => {
    expect(expectError(await owner.api.get(path(), { cursor: "nope" }), 422).field).toBe("cursor");
    const activity = await owner.api.get(`${personaPath(owner.workspaceId, personaId)}/activity`, { limit: 1 });
    expect(expectError(await owner.api.get(path(), { cursor: activity.headers.get("x-next-cursor")! }), 422).field).toBe("cursor");
    const wrongKey = Buffer.from(JSON.stringify({ s: "comments", k: ["not a date", "x"] })).toString("base64url");
    expect(expectError(await owner.api.get(path(), { cursor: wrongKey }), 422).field).toBe("cursor");
    expect(expectError(await owner.api.get(path(), { cursor: "x".repeat(501) }), 422).field).toBe("cursor");
    expect(expectError(await owner.api.get(path(), { limit: 0 }), 422).field).toBe("limit");
    expect(expectError(await owner.api.get(path(), { limit: 201 }), 422).field).toBe("limit");
  });

  it("treats another workspace's persona as not found, cursor or not", async () => {
    const outsider = await signUpWithWorkspace({ name: "Out Sider" });
    const cursor = (await owner.api.get(path(), { limit: 1 })).headers.get("x-next-cursor")!;
    expectError(await outsider.api.get(path(), { limit: 1 }), 404);
    expectError(await outsider.api.get(`${personaPath(outsider.workspaceId, personaId)}/comments`, { limit: 1, cursor }), 404);
    expectError(await outsider.api.get(`${personaPath(outsider.workspaceId, personaId)}/comments`), 404);
  });
});
