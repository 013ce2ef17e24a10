import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/generated/prisma/client";
import { env } from "@/lib/config/env";

// One client per process, kept on globalThis: Next dev reloads modules, and a
// production build instantiates this module once per bundle (routes, the
// instrumentation that runs the probe worker). Two connections in one process
// deadlock: better-sqlite3 waits for a lock synchronously, so the connection
// holding it (inside a transaction, between awaits) can never finish.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function createClient(): PrismaClient {
  const client = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: env.databaseUrl }) });
  // better-sqlite3 is synchronous: with the default rollback journal every commit
  // waits for a disk sync on the event loop. WAL with synchronous=NORMAL keeps
  // commits durable against crashes of the process (not of the OS) at a fraction
  // of the cost — probe workers write every answer the moment it is judged.
  void client
    .$queryRawUnsafe("PRAGMA journal_mode = WAL")
    .then(() => client.$executeRawUnsafe("PRAGMA synchronous = NORMAL"))
    .catch((e) => console.warn("[db] could not switch SQLite to WAL:", (e as Error).message));
  return client;
}

export const db: PrismaClient = globalForPrisma.prisma ?? createClient();
globalForPrisma.prisma = db;

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
