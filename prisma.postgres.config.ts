import { defineConfig } from "prisma/config";
import { PrismaPg } from "@prisma/adapter-pg";

// The Prisma CLI for PostgreSQL (DATABASE_URL=postgresql://…): the generated
// schema (prisma/postgres/schema.prisma, made from prisma/schema.prisma by
// scripts/postgres-schema.mjs) and its own migrations. Used as
//   prisma generate --config prisma.postgres.config.ts
//   prisma migrate deploy --config prisma.postgres.config.ts
// scripts/migrate.mjs picks it from the URL.
const url = process.env.DATABASE_URL ?? "postgresql://localhost/persona_studio";

// Prisma issue #27403: the migration engine reads catalog columns of type
// "char" (oid 18) and name (oid 19), which the pg adapter cannot map. For the
// CLI only, they are read as text. The app's own client never selects them.
const CATALOG_TEXT_TYPES = new Set([18, 19]);
const TEXT_OID = 25;
let patched = false;
function readCatalogTypesAsText(adapter: object) {
  if (patched) return;
  for (let proto = Object.getPrototypeOf(adapter); proto; proto = Object.getPrototypeOf(proto)) {
    if (!Object.hasOwn(proto, "performIO")) continue;
    const performIO = proto.performIO;
    proto.performIO = async function (this: unknown, ...args: unknown[]) {
      const result = await performIO.apply(this, args);
      for (const field of result?.fields ?? []) if (CATALOG_TEXT_TYPES.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
      return result;
    };
    patched = true;
    return;
  }
}

export default defineConfig({
  schema: "prisma/postgres/schema.prisma",
  migrations: { path: "prisma/postgres/migrations" },
  engine: "js",
  experimental: { adapter: true },
  adapter: async () => {
    const factory = new PrismaPg({ connectionString: url, allowExitOnIdle: true });
    const connect = factory.connect.bind(factory);
    factory.connect = async () => {
      const adapter = await connect();
      readCatalogTypesAsText(adapter);
      return adapter;
    };
    return factory;
  },
});
