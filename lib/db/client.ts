import "server-only";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "@/generated/prisma-pg/client";
import { env } from "@/lib/config/env";
import { isPostgresUrl } from "@/lib/crypto/database-url.mjs";

// One client per process, kept on globalThis: Next dev reloads modules, and a
// production build instantiates this module once per bundle (routes, the
// instrumentation that runs the probe worker). Two connections in one process
// deadlock on SQLite: better-sqlite3 waits for a lock synchronously, so the
// connection holding it (inside a transaction, between awaits) can never finish.
//
// Two databases, one set of models: DATABASE_URL=file:… is the embedded SQLite
// default, postgresql://… (or postgres://…) the team database. The PostgreSQL
// client is generated from the same schema (scripts/postgres-schema.mjs), so its
// API is the SQLite client's; the app is typed against the SQLite one and never
// uses a feature only one of them has (README, "Two databases").
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient; pgPool?: pg.Pool };

export type DbProvider = "sqlite" | "postgresql";
export const dbProvider: DbProvider = isPostgresUrl(env.databaseUrl) ? "postgresql" : "sqlite";

function createSqliteClient(): PrismaClient {
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

/**
 * On PostgreSQL, the one connection pool of the process: Prisma's adapter and the
 * plain-SQL reads of the request hot paths (lib/db/reader) share it. Null on SQLite.
 */
export const pgPool: pg.Pool | null = dbProvider === "postgresql"
  ? (globalForPrisma.pgPool ??= new pg.Pool({ connectionString: env.databaseUrl, max: env.databasePoolSize, allowExitOnIdle: true }))
  : null;
pgPool?.on("error", (e) => console.warn("[db] PostgreSQL pool error:", e.message));

function createPostgresClient(): PrismaClient {
  // An external pool: $disconnect leaves it open (idle connections never keep the process alive).
  const adapter = new PrismaPg(pgPool!);
  // Same models, same API (see above): typed as the app's one client type.
  return new PostgresPrismaClient({ adapter }) as unknown as PrismaClient;
}

export const db: PrismaClient = globalForPrisma.prisma ?? (dbProvider === "postgresql" ? createPostgresClient() : createSqliteClient());
globalForPrisma.prisma = db;

export type Db = PrismaClient;
export type Tx = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];
