import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db, dbProvider } from "@/lib/db/client";
import { ops } from "@/lib/http/operations";
import { mentionHandle } from "@/lib/review/mentions";
import { MENTIONS_PAGE } from "@/lib/schemas/review";
import { expectError, expectOk } from "@/tests/factories/api";
import {
  addTeammate, createPersona, inviteAndAccept, personaPath, signUpWithWorkspace, wsPath, type Member,
} from "@/tests/factories/personas";

// Issue 15 §4: the review queue's "Mentions" reads the CommentMention index, not
// a LIKE over every comment's JSON capped at the newest 200. Every open thread
// that mentions me is listed or counted — however many newer mentions came
// after it — resolved threads are not, and another workspace's never are.

type Mate = Awaited<ReturnType<typeof addTeammate>>;
let olga: Member;
let rita: Mate;
let personaId: string;
const ws = () => wsPath(olga.workspaceId);
const queue = (who: { api: Member["api"] }, workspaceId = olga.workspaceId) =>
  who.api.get(`${wsPath(workspaceId)}/review-queue`).then((r) => expectOk(ops.reviewQueue, r));
const comment = (who: { api: Member["api"] }, body: string, parentId?: string) =>
  who.api.post(`${personaPath(olga.workspaceId, personaId)}/comments`, parentId ? { body, parentId } : { body, anchor: { kind: "persona" } })
    .then((r) => expectOk(ops.createComment, r));
const edit = (who: { api: Member["api"] }, id: string, body: string) =>
  who.api.patch(`${ws()}/comments/${id}`, { body }).then((r) => expectOk(ops.editComment, r));
const resolve = (who: { api: Member["api"] }, id: string, resolved = true) =>
  who.api.post(`${ws()}/comments/${id}/resolve`, { resolved }).then((r) => expectOk(ops.resolveComment, r));
const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1) + minutes * 60_000);

/** The migration's backfill statement, run as `prisma migrate deploy` would on a database that already has comments. */
function backfillSql(): string {
  const folder = dbProvider === "postgresql" ? "prisma/postgres/migrations" : "prisma/migrations";
  const sql = readFileSync(path.join(folder, "20261203015222_comment_mentions", "migration.sql"), "utf8");
  const start = sql.indexOf('INSERT INTO "CommentMention"');
  return sql.slice(start, sql.indexOf(";", start));
}

beforeAll(async () => {
  olga = await signUpWithWorkspace({ name: "Olga Owner" });
  rita = await addTeammate(olga, "reviewer", "Rita Reviewer");
  personaId = (await createPersona(olga, { name: "Nurse Ada" })).id;
});

describe("mentions written through the API", () => {
  it("are found after create, leave with an edit that drops them and come back with one that adds them", async () => {
    const hi = `@${mentionHandle(olga.email)}`;
    const thread = await comment(rita, `${hi} is the tone right?`);
    expect(await db.commentMention.findMany({ where: { commentId: thread.id }, select: { userId: true, threadId: true } })).toEqual([{ userId: olga.id, threadId: thread.id }]);
    let q = await queue(olga);
    expect(q.mentions.map((m) => [m.threadId, m.commentId])).toEqual([[thread.id, thread.id]]);
    expect([q.mentionsTotal, q.mentionsNextCursor]).toEqual([1, null]);

    await edit(rita, thread.id, "Is the tone right?");
    q = await queue(olga);
    expect([q.mentions, q.mentionsTotal]).toEqual([[], 0]);
    expect(await db.commentMention.count({ where: { commentId: thread.id } })).toBe(0);

    await edit(rita, thread.id, `Is the tone right, ${hi}?`);
    expect((await queue(olga)).mentions.map((m) => m.threadId)).toEqual([thread.id]);

    // A reply that mentions Olga again: still one entry for the thread, the newest mention.
    const reply = await comment(rita, `${hi} ping`, thread.id);
    q = await queue(olga);
    expect(q.mentions.map((m) => [m.threadId, m.commentId])).toEqual([[thread.id, reply.id]]);
    expect(q.mentionsTotal).toBe(1);

    // Resolved: gone from the queue; reopened: back.
    await resolve(olga, thread.id);
    expect((await queue(olga)).mentionsTotal).toBe(0);
    await resolve(olga, thread.id, false);
    expect((await queue(olga)).mentionsTotal).toBe(1);

    // Deleting the reply takes its mention row with it; the thread's own mention remains.
    expectOk(ops.deleteComment, await rita.api.delete(`${ws()}/comments/${reply.id}`));
    expect(await db.commentMention.count({ where: { commentId: reply.id } })).toBe(0);
    expect((await queue(olga)).mentions.map((m) => m.commentId)).toEqual([thread.id]);
    await resolve(olga, thread.id);
  });

  it("another workspace's mentions of the same member stay in that workspace", async () => {
    const bea = await signUpWithWorkspace({ name: "Bea Elsewhere" });
    await inviteAndAccept(bea, { email: olga.email, api: olga.api }, "reviewer");
    const theirs = expectOk(ops.createPersona, await bea.api.post(`${wsPath(bea.workspaceId)}/personas`, { name: "Their persona" }));
    const c = expectOk(ops.createComment, await bea.api.post(`${personaPath(bea.workspaceId, theirs.id)}/comments`, { body: `@${mentionHandle(olga.email)} look`, anchor: { kind: "persona" } }));
    expect((await queue(olga, bea.workspaceId)).mentions.map((m) => m.threadId)).toEqual([c.id]);
    const here = await queue(olga);
    expect(here.mentions.find((m) => m.threadId === c.id)).toBeUndefined();
    expect(here.mentionsTotal).toBe(0);
  });
});

describe("a busy workspace", () => {
  let panelId: string;

  it("keeps an open thread whose mention is older than 200 newer mentions in resolved threads; the queue counts every open thread and pages on to each, once", async () => {
    const busy = await createPersona(olga, { name: "Busy" });
    const quiet = await createPersona(olga, { name: "Quiet" });
    panelId = expectOk(ops.createPanel, await olga.api.post(`${ws()}/panels`, {
      name: "Board",
      spec: { members: [{ key: "busy", personaId: busy.id, version: "latest" }], plans: { single: { seats: { busy: { providerId: "simulator", model: "persona-sim-1" } } } } },
    })).id;
    const mention = JSON.stringify([olga.id]);
    const row = (p: string, body: string, minutes: number, o: { resolved?: boolean; panelId?: string; id?: string; parentId?: string } = {}) => ({
      ...(o.id ? { id: o.id } : {}), parentId: o.parentId ?? null,
      workspaceId: olga.workspaceId, personaId: p, panelId: o.panelId ?? null, anchorKind: o.panelId ? "panel_member" : "persona", anchorKey: o.panelId ? "busy" : "",
      anchorLabel: o.panelId ? "Busy" : "General", body, mentions: mention,
      authorId: rita.id, authorName: rita.name, createdAt: at(minutes), resolvedAt: o.resolved ? at(minutes + 1) : null,
    });
    // Written as they were before the index existed (the JSON only), then indexed by the migration's backfill.
    // Open threads come three to a minute, so pages also part rows of one createdAt (by id).
    await db.comment.createMany({
      data: [
        row(quiet.id, "the oldest open thread", 0),
        row(busy.id, "on the panel", 1, { panelId }),
        row(busy.id, "on the panel, later", 2, { panelId }),
        row(busy.id, "old thread", 3, { id: "thread-revived" }),
        ...Array.from({ length: 230 }, (_, i) => row(busy.id, `resolved ${i}`, 10 + i, { resolved: true })),
        ...Array.from({ length: MENTIONS_PAGE + 5 }, (_, i) => row(busy.id, `open ${i}`, 1000 + Math.floor(i / 3), { id: `open-${String(i).padStart(3, "0")}` })),
        // A reply mentioning Olga again: the old thread is listed once, by this newest mention.
        row(busy.id, "revived", 2000, { parentId: "thread-revived" }),
      ],
    });
    await db.commentMention.deleteMany({});
    await db.$executeRawUnsafe(backfillSql());

    const q = await queue(olga);
    const open = MENTIONS_PAGE + 5 + 4;
    expect(q.mentionsTotal).toBe(open);
    expect(q.mentions).toHaveLength(MENTIONS_PAGE);
    expect(q.mentions[0]).toMatchObject({ threadId: "thread-revived", excerpt: "revived" });
    expect(q.mentions[1].excerpt).toBe(`open ${MENTIONS_PAGE + 4}`);
    expect(q.mentionsNextCursor).not.toBeNull();

    // Walking on from the queue's cursor, a few at a time, reaches every open thread once, newest first.
    const threads = q.mentions.map((m) => m.threadId);
    const excerpts = q.mentions.map((m) => m.excerpt);
    let cursor = q.mentionsNextCursor;
    for (let pages = 0; cursor && pages < 20; pages++) {
      const res = await olga.api.get(`${ws()}/review-queue/mentions`, { cursor, limit: 2 });
      const page = expectOk(ops.listMentions, res);
      expect(page.length).toBeLessThanOrEqual(2);
      threads.push(...page.map((m) => m.threadId));
      excerpts.push(...page.map((m) => m.excerpt));
      cursor = res.headers.get("x-next-cursor");
    }
    expect(cursor).toBeNull();
    expect(new Set(threads).size).toBe(open);
    expect(excerpts).toEqual([
      "revived", ...Array.from({ length: MENTIONS_PAGE + 5 }, (_, i) => `open ${MENTIONS_PAGE + 4 - i}`),
      "on the panel, later", "on the panel", "the oldest open thread",
    ]);
    // Rita, mentioned nowhere, sees none of it.
    expect((await queue(rita)).mentionsTotal).toBe(0);
  });

  it("deleting a panel deletes its threads, and their mentions with them", async () => {
    const rows = () => db.commentMention.count({ where: { workspaceId: olga.workspaceId } });
    const [before, total] = [await rows(), (await queue(olga)).mentionsTotal];
    expectOk(ops.deletePanel, await olga.api.delete(`${ws()}/panels/${panelId}`));
    expect(await rows()).toBe(before - 2);
    expect((await queue(olga)).mentionsTotal).toBe(total - 2);
  });

  it("answers a malformed or foreign cursor and an out-of-range limit with 422 naming the field", async () => {
    const path = `${ws()}/review-queue/mentions`;
    expect(expectError(await olga.api.get(path, { cursor: "nope" }), 422).field).toBe("cursor");
    const activity = await olga.api.get(`${personaPath(olga.workspaceId, personaId)}/activity`, { limit: 1 });
    expect(activity.headers.get("x-next-cursor")).not.toBeNull();
    expect(expectError(await olga.api.get(path, { cursor: activity.headers.get("x-next-cursor")! }), 422).field).toBe("cursor");
    expect(expectError(await olga.api.get(path, { limit: 0 }), 422).field).toBe("limit");
    expect(expectError(await olga.api.get(path, { limit: 201 }), 422).field).toBe("limit");
  });
});
