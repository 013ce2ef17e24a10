import { db } from "@/lib/db/client";

// Direct reads of the test database, to prove that a rejected request wrote nothing.

/** Every row that an API call could create, change or delete, in a comparable form. */
export async function snapshotDb() {
  const [workspaces, memberships, personas, versions, providers, probeRuns, customTraits] = await Promise.all([
    db.workspace.findMany({
      orderBy: { id: "asc" },
      select: { id: true, name: true, updatedAt: true, defaultProviderId: true, defaultModel: true },
    }),
    db.membership.findMany({ orderBy: { id: "asc" }, select: { id: true, workspaceId: true, userId: true, role: true } }),
    db.persona.findMany({
      orderBy: { id: "asc" },
      select: { id: true, name: true, archetype: true, status: true, spec: true, revision: true, latestVersion: true, updatedAt: true },
    }),
    db.personaVersion.findMany({ orderBy: { id: "asc" }, select: { id: true, personaId: true, number: true, spec: true } }),
    db.modelProvider.findMany({ orderBy: { id: "asc" } }),
    db.probeRun.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true, personaId: true } }),
    db.customTrait.findMany({ orderBy: { id: "asc" }, select: { id: true, workspaceId: true, key: true, version: true } }),
  ]);
  return {
    counts: {
      workspaces: workspaces.length, memberships: memberships.length, personas: personas.length,
      versions: versions.length, providers: providers.length, probeRuns: probeRuns.length,
      customTraits: customTraits.length,
    },
    workspaces, memberships, personas, versions, providers, probeRuns, customTraits,
  };
}

export { db };
