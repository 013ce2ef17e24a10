import { ensureTemplate } from "./postgres";

// Global setup of the "integration-pg" project: the migrated template database.
export default async function setup() {
  const adminUrl = process.env.PG_TEST_URL;
  if (!adminUrl) throw new Error("the integration-pg project needs PG_TEST_URL");
  await ensureTemplate(adminUrl);
}
