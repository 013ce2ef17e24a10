import "server-only";
import { Worker } from "node:worker_threads";
import { env } from "@/lib/config/env";
import { dbProvider } from "@/lib/db/client";
import { readRows, toSqlite, type ReadOptions, type SqlValue } from "@/lib/db/reader";

// The heavy reads of the request hot paths (a persona list or search page: 0.5–3 ms
// of SQLite at 10,000 personas), run off the request thread. better-sqlite3 is
// synchronous: on the request thread every other request, and every token a live
// preview streams, waits for the statement to end, and one Node process uses one
// core. Here the statement runs on a worker thread with a read-only connection of
// its own, so it uses the machine's other core while the request thread parses,
// authenticates and writes other requests (bench/personas-scale, SQLite, one
// process, 20 clients: list p95 77 → 47 ms, search 121 → 82, status 53 → 32).
// On PostgreSQL the database is already another process: readRows.
//
// One worker (two contended with the request thread on two cores: status p95 got
// worse). A statement belongs to the worker's connection, prepared once. In WAL
// mode its reads see every write committed before they start, as the request
// thread's reader does (lib/db/reader). Small statements (a session, a persona by
// id: 0.01–0.05 ms) stay on the request thread: the round trip would cost more.

const SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require("node:module").createRequire(workerData.base)("better-sqlite3");
const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
db.pragma("busy_timeout = 250");
const statements = new Map();
parentPort.on("message", ({ id, sql, params }) => {
  try {
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    parentPort.postMessage({ id, rows: statement.all(...params) });
  } catch (e) {
    parentPort.postMessage({ id, error: { message: String(e && e.message), code: e && e.code } });
  }
});`;

type Pending = { resolve: (rows: unknown[]) => void; reject: (e: Error) => void };
type Reply = { id: number; rows?: unknown[]; error?: { message: string; code?: string } };

/** The worker for one database file, with the replies it still owes. */
class ReadThread {
  readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private next = 0;
  private dead: Error | null = null;

  constructor(readonly file: string) {
    // The request thread's working directory is the studio's (npm start, next dev, the tests): better-sqlite3 resolves from there.
    this.worker = new Worker(SOURCE, { eval: true, workerData: { file, base: `${process.cwd()}/` } });
    this.worker.on("message", (reply: Reply) => {
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.settle(reply.id);
      if (reply.error) p.reject(Object.assign(new Error(reply.error.message), { code: reply.error.code }));
      else p.resolve(reply.rows ?? []);
    });
    this.worker.on("error", (e) => this.fail(e));
    this.worker.on("exit", (code) => this.fail(new Error(`the SQLite read thread exited (code ${code})`)));
    // Idle, it never keeps the process alive (after the listeners: adding a "message"
    // listener refs the worker again); with reads pending it does (all, settle), or a
    // script whose only work left is a read would exit before its answer.
    this.worker.unref();
  }

  get alive(): boolean {
    return this.dead === null;
  }

  all(sql: string, params: readonly SqlValue[]): Promise<unknown[]> {
    if (this.dead) return Promise.reject(this.dead);
    const id = this.next++;
    return new Promise((resolve, reject) => {
      if (this.pending.size === 0) this.worker.ref();
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ id, sql, params: params.map(toSqlite) });
    });
  }

  private settle(id: number): void {
    this.pending.delete(id);
    if (this.pending.size === 0) this.worker.unref();
  }

  close(): void {
    void this.worker.terminate();
  }

  /** A worker that died answers every pending read with the error; the next read starts a new one. */
  private fail(e: Error): void {
    this.dead ??= e;
    for (const p of this.pending.values()) p.reject(e);
    this.pending.clear();
  }
}

const globalForThread = globalThis as unknown as { personaStudioReadThread?: ReadThread };

function readThread(): ReadThread {
  const file = env.databaseUrl.replace(/^file:/, "");
  const current = globalForThread.personaStudioReadThread;
  if (current?.alive && current.file === file) return current;
  current?.close();
  return (globalForThread.personaStudioReadThread = new ReadThread(file));
}

/** The rows of one SELECT, run off the request thread on SQLite (see above); readRows on PostgreSQL. */
export async function readRowsOffThread<T>(sql: string, params: readonly SqlValue[] = [], options: ReadOptions = {}): Promise<T[]> {
  if (dbProvider === "postgresql") return readRows<T>(sql, params, options);
  return (await readThread().all(sql, params)) as T[];
}
