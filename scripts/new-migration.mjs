// Adds a migration for both databases after a change to prisma/schema.prisma:
//   node scripts/new-migration.mjs <name>
// Regenerates prisma/postgres/schema.prisma, then writes
// prisma/migrations/<ts>_<name>/migration.sql (SQLite) and
// prisma/postgres/migrations/<ts>_<name>/migration.sql (PostgreSQL), each the
// difference between the schema at HEAD and the working tree, and regenerates
// both clients. The PostgreSQL diff needs a server: a throwaway cluster is
// started for it (scripts/pg-cluster.mjs). Read both files before committing.
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { bin, root } from "./lib.mjs";
import { startCluster } from "./pg-cluster.mjs";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("usage: node scripts/new-migration.mjs <name: lowercase letters, digits, _>");
  process.exit(2);
}
process.chdir(root);
execFileSync(process.execPath, ["scripts/postgres-schema.mjs"], { stdio: "inherit" });
const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
const dir = `${stamp}_${name}`;
const tmp = os.tmpdir();

function headVersion(file) {
  const out = path.join(tmp, `head-${process.pid}-${path.basename(path.dirname(file))}.prisma`);
  writeFileSync(out, execFileSync("git", ["show", `HEAD:${file}`], { encoding: "utf8" }));
  return out;
}

function diff(config, schema, env = process.env) {
  return execFileSync(bin("prisma"), ["migrate", "diff", "--config", config, "--from-schema-datamodel", headVersion(schema), "--to-schema-datamodel", schema, "--script"], {
    encoding: "utf8", env, stdio: ["ignore", "pipe", "ignore"],
  });
}

const sqlite = diff("prisma.config.ts", "prisma/schema.prisma");
const cluster = await startCluster();
let postgres;
try {
  postgres = diff("prisma.postgres.config.ts", "prisma/postgres/schema.prisma", { ...process.env, DATABASE_URL: cluster.url });
} finally {
  cluster.stop();
}
for (const [folder, sql] of [["prisma/migrations", sqlite], ["prisma/postgres/migrations", postgres]]) {
  mkdirSync(path.join(folder, dir), { recursive: true });
  writeFileSync(path.join(folder, dir, "migration.sql"), sql);
  console.log(`wrote ${folder}/${dir}/migration.sql (${sql.split("\n").length} lines)`);
}
execFileSync(bin("prisma"), ["generate"], { stdio: "ignore" });
execFileSync(bin("prisma"), ["generate", "--config", "prisma.postgres.config.ts"], { stdio: "ignore" });
console.log("regenerated both clients");
