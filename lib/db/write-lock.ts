import "server-only";
import { dbProvider, type Tx } from "@/lib/db/client";

/**
 * Serialises transactions that read a total and then write against it (the
 * provider slot leases: two workers must not both see the same free slots).
 * PostgreSQL: a transaction-scoped advisory lock on the key. SQLite has one
 * writer at a time: the caller's first statement must be a write (it takes the
 * database's write lock for the rest of the transaction), so nothing is done here.
 */
export async function lockForUpdate(tx: Tx, key: string): Promise<void> {
  if (dbProvider === "postgresql") await tx.$queryRawUnsafe("SELECT pg_advisory_xact_lock(hashtext($1))::text AS locked", key);
}
