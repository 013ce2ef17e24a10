import type { TestProject } from "vitest/node";
import { ensureTemplate } from "./postgres";

// Global setup of the "integration-pg" project: the migrated template database,
// named once here and handed to every test file (a migration added while the
// suite runs must not change the name a later file clones from).
export default async function setup(project: TestProject) {
  const adminUrl = process.env.PG_TEST_URL;
  if (!adminUrl) throw new Error("the integration-pg project needs PG_TEST_URL");
  project.provide("pgTemplate", await ensureTemplate(adminUrl));
}

declare module "vitest" {
  export interface ProvidedContext {
    pgTemplate: string;
  }
}
