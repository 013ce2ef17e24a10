// Several web instances (and workers) behind one database must share their
// secrets: a session signed by one instance must verify on the next, and a
// provider key sealed by one must open on every other. The secrets generated
// into the data directory on a first start cannot be shared (each instance has
// its own directory), so a team deployment takes both from the environment and
// refuses to start without them.
//
// Plain JS (with shared-secrets.d.mts) so scripts/server.mjs runs it before Next loads.

import { isPostgresUrl } from "../crypto/database-url.mjs";
export const SHARED_SECRETS = [
  { name: "BETTER_AUTH_SECRET", file: "auth-secret", what: "signs sessions" },
  { name: "PERSONA_STUDIO_SECRET", file: "encryption-key", what: "seals provider API keys" },
];
export const MIN_SECRET_LENGTH = 32;

/**
 * MULTI_INSTANCE=true, or a PostgreSQL DATABASE_URL (the team database) unless
 * MULTI_INSTANCE=false says this is the only process using it.
 */
export function isMultiInstance(environment = process.env) {
  if (environment.MULTI_INSTANCE === "true") return true;
  if (environment.MULTI_INSTANCE === "false") return false;
  return isPostgresUrl(environment.DATABASE_URL);
}

/** Why this deployment counts as multi-instance, in the operator's words. */
function reason(environment) {
  return environment.MULTI_INSTANCE === "true" ? "MULTI_INSTANCE=true" : "DATABASE_URL is PostgreSQL (a team deployment)";
}

/**
 * null when the secrets are fine for this deployment; else the message to stop
 * with, naming every missing variable. `names` narrows the check to some of them.
 */
export function sharedSecretsProblem(environment = process.env, names = SHARED_SECRETS.map((s) => s.name)) {
  if (!isMultiInstance(environment)) return null;
  const missing = SHARED_SECRETS.filter((s) => names.includes(s.name) && (environment[s.name] ?? "").length < MIN_SECRET_LENGTH);
  if (!missing.length) return null;
  return [
    `✖ ${missing.map((s) => s.name).join(" and ")} must be set (at least ${MIN_SECRET_LENGTH} characters) because ${reason(environment)}.`,
    `  Every web instance and worker needs the same secrets, so they cannot be generated per instance:`,
    ...missing.map((s) => `  • ${s.name} ${s.what}. Generate one with \`openssl rand -base64 32\` and give the same value to every instance and worker;`),
    `    moving an existing studio: use the contents of its generated file instead (<data dir>/${missing.map((s) => s.file).join(", <data dir>/")}),`,
    `    so sessions and stored provider keys stay valid.`,
    `  Only one process on this database? Set MULTI_INSTANCE=false to keep the generated secrets in the data directory.`,
  ].join("\n");
}

/** Throws an Error with the message (and `userMessage`) when the secrets are missing. */
export function assertSharedSecrets(environment = process.env, names) {
  const problem = sharedSecretsProblem(environment, names);
  if (problem) throw Object.assign(new Error(problem), { userMessage: problem });
}
