import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { readRowsOffThread } from "@/lib/db/read-thread";
import { buildSpec, createPersona, saveDraft, signUpWithWorkspace, wsPath } from "@/tests/factories/personas";
import { isPostgresTest } from "@/tests/setup/postgres";

// lib/db/read-thread: the persona list's and search's statements run off the request
// thread on SQLite (a worker with a read-only connection of its own); on PostgreSQL
// they are the pool's reads. Either way a page must see every write made before it
// and a failure must reach the caller.

const globals = globalThis as { personaStudioReadThread?: { worker: { terminate(): Promise<number> } } };

describe("reads off the request thread", () => {
  it("sees every write committed before it: each save shows in the next list page and search", async () => {
    const owner = await signUpWithWorkspace({ name: "Thread owner" });
    for (let i = 0; i < 12; i++) {
      const created = await createPersona(owner, { name: `Threadling ${i}`, spec: buildSpec({ name: `Threadling ${i}` }) });
      const list = await owner.api.get(`${wsPath(owner.workspaceId)}/personas`);
      expect(list.status).toBe(200);
      expect((list.body as { count: number }).count).toBe(i + 1);
      expect((list.body as { personas: { id: string }[] }).personas[0].id).toBe(created.id);
      // An edit that renames it: the search reads the renamed row at once.
      const renamed = `Renamed ${i} quokka`;
      await saveDraft(owner, created.id, created.revision, buildSpec({ name: renamed }));
      const found = await owner.api.get(`${wsPath(owner.workspaceId)}/personas`, { q: "quokka" });
      expect((found.body as { count: number }).count).toBe(i + 1);
      expect((found.body as { personas: { name: string }[] }).personas[0].name).toBe(renamed);
    }
  });

  it("answers an SQL error with the database's message, and the next read still works", async () => {
    await expect(readRowsOffThread(`SELECT "nope" FROM "Persona"`)).rejects.toThrow(/nope/);
    expect(await readRowsOffThread<{ one: number }>(`SELECT 1 AS "one"`)).toEqual([{ one: 1 }]);
  });

  it("leaves the request thread free while a statement runs", async () => {
    // A statement that takes a while (a recursive count): the event loop keeps turning meanwhile.
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    const [row] = await readRowsOffThread<{ n: number }>(
      `WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 2000000) SELECT count(*) AS "n" FROM c`,
    );
    clearInterval(timer);
    expect(Number(row.n)).toBe(2_000_000);
    expect(ticks).toBeGreaterThan(0);
  });

  it.skipIf(isPostgresTest)("keeps a process alive while a read is pending, and never after: a script that reads ends with its answer", () => {
    // The read is the script's only work left (a slow statement): it must get its answer, then exit on its own.
    const script = `const { readRowsOffThread } = require(${JSON.stringify(path.resolve("lib/db/read-thread.ts"))});
      readRowsOffThread('WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000) SELECT count(*) AS "n" FROM c')
        .then((rows) => console.log("read", rows[0].n));`;
    const child = spawnSync(process.execPath, ["--conditions=react-server", "--import", "tsx", "-e", script], {
      env: { ...process.env }, encoding: "utf8", timeout: 60_000,
    });
    expect(child.stderr).toBe("");
    // Exited before the answer (an unref'd worker while reading) it would print nothing.
    expect(child.stdout.trim()).toBe("read 1000000");
    // Killed by the timeout (a worker ref'd while idle) it would have no exit code.
    expect(child.status).toBe(0);
  });

  it.skipIf(isPostgresTest)("answers the reads in flight when the thread dies, and starts a new one for the next", async () => {
    await readRowsOffThread(`SELECT 1`);
    const thread = globals.personaStudioReadThread!;
    const inFlight = readRowsOffThread(`WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3000000) SELECT count(*) FROM c`);
    await thread.worker.terminate();
    await expect(inFlight).rejects.toThrow(/read thread exited/);
    expect(await readRowsOffThread<{ one: number }>(`SELECT 1 AS "one"`)).toEqual([{ one: 1 }]);
    expect(globals.personaStudioReadThread).not.toBe(thread);
  });
});
