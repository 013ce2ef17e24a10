import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { db, dbProvider } from "@/lib/db/client";
import { ops } from "@/lib/http/operations";
import { mentionHandle } from "@/lib/review/mentions";
import { QUEUE_MENTIONS_LISTED } from "@/lib/schemas/review";
import { expectOk } from "@/tests/factories/api";
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
    expect([q.mentionsTotal, q.moreMentions]).toEqual([1, []]);

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
  it("keeps an open thread whose mention is older than 200 newer mentions in resolved threads, and counts what it does not list", async () => {
    const busy = await createPersona(olga, { name: "Busy" });
    const other = await createPersona(olga, { name: "Quiet" });
    const panel = expectOk(ops.createPanel, await olga.api.post(`${ws()}/panels`, {
      name: "Board",
      spec: { members: [{ key: "busy", personaId: busy.id, version: "latest" }], plans: { single: { seats: { busy: { providerId: "simulator", model: "persona-sim-1" } } } } },
    }));
    const mention = JSON.stringify([olga.id]);
    const row = (p: string, body: string, minutes: number, resolved: boolean, panelId: string | null = null) => ({
      workspaceId: olga.workspaceId, personaId: p, panelId, anchorKind: panelId ? "panel_member" : "persona", anchorKey: panelId ? "busy" : "",
      anchorLabel: panelId ? "Busy" : "General", body, mentions: mention,
      authorId: rita.id, authorName: rita.name, createdAt: at(minutes), resolvedAt: resolved ? at(minutes + 1) : null,
    });
    // Written as they were before the index existed (the JSON only), then indexed by the migration's backfill.
    await db.comment.createMany({
      data: [
        row(other.id, "the oldest open thread", 0, false),
        row(busy.id, "on the panel", 1, false, panel.id),
        row(busy.id, "on the panel, later", 2, false, panel.id),
        ...Array.from({ length: 230 }, (_, i) => row(busy.id, `resolved ${i}`, 10 + i, true)),
        ...Array.from({ length: QUEUE_MENTIONS_LISTED + 5 }, (_, i) => row(busy.id, `open ${i}`, 1000 + i, false)),
      ],
    });
    await db.commentMention.deleteMany({});
    await db.$executeRawUnsafe(backfillSql());

    const q = await queue(olga);
    const open = QUEUE_MENTIONS_LISTED + 5 + 2 + 1;
    expect(q.mentionsTotal).toBe(open);
    expect(q.mentions).toHaveLength(QUEUE_MENTIONS_LISTED);
    expect(q.mentions[0].excerpt).toBe(`open ${QUEUE_MENTIONS_LISTED + 4}`);
    expect(q.mentions.every((m) => m.excerpt.startsWith("open "))).toBe(true);
    // The five oldest open threads on Busy, the panel's two and the oldest of all, on Quiet, are counted where they are.
    expect(q.moreMentions).toEqual([
      { personaId: busy.id, personaName: "Busy", panel: null, threads: 5 },
      { personaId: busy.id, personaName: "Busy", panel: { id: panel.id, name: "Board" }, threads: 2 },
      { personaId: other.id, personaName: "Quiet", panel: null, threads: 1 },
    ]);
    // Rita, mentioned nowhere, sees none of it.
    expect((await queue(rita)).mentionsTotal).toBe(0);

    // Deleting the panel deletes its threads, and their mentions with them.
    const rows = () => db.commentMention.count({ where: { workspaceId: olga.workspaceId } });
    const before = await rows();
    expectOk(ops.deletePanel, await olga.api.delete(`${ws()}/panels/${panel.id}`));
    const after = await queue(olga);
    expect(after.mentionsTotal).toBe(open - 2);
    expect(after.moreMentions.map((m) => [m.personaName, m.panel, m.threads])).toEqual([["Busy", null, 5], ["Quiet", null, 1]]);
    expect(await rows()).toBe(before - 2);
  });
});
