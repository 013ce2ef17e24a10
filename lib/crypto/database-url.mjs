// What a DATABASE_URL names, for the server, the operator scripts and the npm
// scripts alike. Pure: no driver is loaded here.
import path from "node:path";

/** postgresql://… or postgres://… — the team database; anything else is SQLite. */
export const isPostgresUrl = (databaseUrl) => /^postgres(ql)?:\/\//.test(databaseUrl ?? "");

/** The SQLite file behind a DATABASE_URL ("file:./prisma/dev.db", relative to the working directory), or null for another database. */
export function sqliteFile(databaseUrl) {
  if (!databaseUrl?.startsWith("file:")) return null;
  return path.resolve(/*turbopackIgnore: true*/ databaseUrl.slice("file:".length).split("?")[0]);
}

/** The URL without its password, for messages and manifests. */
export function redactUrl(databaseUrl) {
  if (!isPostgresUrl(databaseUrl)) return databaseUrl;
  try {
    const url = new URL(databaseUrl);
    if (url.password) url.password = "***";
    return url.toString();
  } catch {
    return "postgresql://…";
  }
}
