import { db } from "@/lib/db/client";

// Direct reads of the test database, to prove that a rejected request wrote nothing.

/** Every row that an API call could create, change or delete, in a comparable form. */
export async function snapshotDb() {
  const [workspaces, memberships, personas, versions, providers, probeRuns, customTraits, shareLinks, sampleAnswers, comments, reviewRequests, reviewDecisions, activities, apiTokens, variants] = await Promise.all([
    db.workspace.findMany({
      orderBy: { id: "asc" },
      select: { id: true, name: true, updatedAt: true, defaultProviderId: true, defaultModel: true, approvalPolicy: true },
    }),
    db.membership.findMany({ orderBy: { id: "asc" }, select: { id: true, workspaceId: true, userId: true, role: true } }),
    db.persona.findMany({
      orderBy: { id: "asc" },
      select: { id: true, name: true, archetype: true, status: true, spec: true, revision: true, latestVersion: true, approvedVersion: true, updatedAt: true },
    }),
    db.personaVersion.findMany({ orderBy: { id: "asc" }, select: { id: true, personaId: true, number: true, spec: true } }),
    db.modelProvider.findMany({ orderBy: { id: "asc" } }),
    db.probeRun.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true, personaId: true } }),
    db.customTrait.findMany({ orderBy: { id: "asc" }, select: { id: true, workspaceId: true, key: true, version: true } }),
    db.shareLink.findMany({ orderBy: { id: "asc" }, select: { id: true, personaId: true, revokedAt: true, expiresAt: true } }),
    db.sampleAnswer.findMany({ orderBy: { id: "asc" }, select: { id: true, personaId: true, recordingId: true } }),
    db.comment.findMany({ orderBy: { id: "asc" }, select: { id: true, personaId: true, body: true, resolvedAt: true } }),
    db.reviewRequest.findMany({ orderBy: { id: "asc" }, select: { id: true, personaId: true, status: true } }),
    db.reviewDecision.findMany({ orderBy: { id: "asc" }, select: { id: true, personaId: true, decision: true } }),
    db.activity.findMany({ orderBy: { id: "asc" }, select: { id: true, personaId: true, kind: true, count: true } }),
    db.apiToken.findMany({ orderBy: { id: "asc" }, select: { id: true, workspaceId: true, revokedAt: true } }),
    db.personaVariant.findMany({ orderBy: { id: "asc" }, select: { id: true, personaId: true, name: true, revision: true } }),
  ]);
  return {
    counts: {
      workspaces: workspaces.length, memberships: memberships.length, personas: personas.length,
      versions: versions.length, providers: providers.length, probeRuns: probeRuns.length,
      customTraits: customTraits.length, shareLinks: shareLinks.length, sampleAnswers: sampleAnswers.length,
      comments: comments.length, reviewRequests: reviewRequests.length, reviewDecisions: reviewDecisions.length,
      activities: activities.length, apiTokens: apiTokens.length, variants: variants.length,
    },
    workspaces, memberships, personas, versions, providers, probeRuns, customTraits,
    shareLinks, sampleAnswers, comments, reviewRequests, reviewDecisions, activities, apiTokens, variants,
  };
}

export { db };
