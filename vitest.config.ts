import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));

// The integration suite runs on SQLite always, and on PostgreSQL as well when
// PG_TEST_URL names a server (superuser URL; scripts/test.mjs starts a throwaway
// cluster and sets it): the same files, each on its own cloned database.
const pgTestUrl = process.env.PG_TEST_URL;
const integration = {
  include: ["tests/integration/**/*.test.ts"],
  environment: "node" as const,
  // Each test file runs in its own process with its own database (see setup).
  pool: "forks" as const,
  setupFiles: ["tests/setup/integration-db.ts"],
  testTimeout: 30_000,
  hookTimeout: 30_000,
};

export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // The real package throws outside React Server Components; tests are server code.
      { find: /^server-only$/, replacement: path.join(root, "tests/setup/empty.ts") },
    ],
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["tests/unit/**/*.test.ts"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: { name: "integration", ...integration, globalSetup: ["tests/setup/integration-global.ts"] },
      },
      ...(pgTestUrl
        ? [
            {
              extends: true as const,
              test: {
                name: "integration-pg",
                ...integration,
                env: { PERSONA_TEST_DB: "postgres" },
                globalSetup: ["tests/setup/integration-global.ts", "tests/setup/integration-pg-global.ts"],
              },
            },
          ]
        : []),
    ],
  },
});
