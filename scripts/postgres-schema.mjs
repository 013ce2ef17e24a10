// prisma/postgres/schema.prisma is generated from prisma/schema.prisma (the one
// schema we edit): the same models, PostgreSQL as the provider, its own client
// in generated/prisma-pg. Prisma wants one provider per schema file, and two
// hand-kept copies would drift. Run after every schema change:
//   node scripts/postgres-schema.mjs            (write it)
//   node scripts/postgres-schema.mjs --check    (exit 1 when it is stale; a unit test runs this)
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const source = path.join(root, "prisma/schema.prisma");
const target = path.join(root, "prisma/postgres/schema.prisma");

export function postgresSchema(sqliteSchema) {
  const replaced = sqliteSchema
    .replace(/output\s*=\s*"\.\.\/generated\/prisma"/, 'output     = "../../generated/prisma-pg"')
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace(/url\s*=\s*"file:[^"]*"/, 'url      = "postgresql://localhost/persona_studio"');
  for (const [what, re] of [["output", /prisma-pg/], ["provider", /"postgresql"/], ["url", /postgresql:\/\/localhost/]]) {
    if (!re.test(replaced)) throw new Error(`postgres-schema: could not rewrite the ${what} line of prisma/schema.prisma`);
  }
  return `// GENERATED from prisma/schema.prisma by scripts/postgres-schema.mjs — do not edit.\n// Edit prisma/schema.prisma, then run: node scripts/postgres-schema.mjs\n\n${replaced}`;
}

const wanted = postgresSchema(readFileSync(source, "utf8"));
if (process.argv.includes("--check")) {
  let current = "";
  try {
    current = readFileSync(target, "utf8");
  } catch {}
  if (current !== wanted) {
    console.error("prisma/postgres/schema.prisma is stale: run `node scripts/postgres-schema.mjs` and add a PostgreSQL migration (see README, Migrations).");
    process.exit(1);
  }
} else {
  writeFileSync(target, wanted);
}
