import { ops } from "@/lib/http/operations";
import { expectOk } from "@/tests/factories/api";
import { buildSpec, createPersona, saveVersion, wsPath, type Member } from "@/tests/factories/personas";

/**
 * A panel named `name` of two saved personas, Ada (key "ada") and Bo ("bo"), each
 * at version 1, with the panel's own version 1 saved: what a review of a panel
 * version needs.
 */
export async function createReviewablePanel(owner: Member, name: string): Promise<{ panelId: string; personaIds: string[] }> {
  const personaIds: string[] = [];
  for (const persona of ["Ada", "Bo"]) {
    const p = await createPersona(owner, { name: persona, spec: buildSpec({ name: persona }) });
    await saveVersion(owner, p.id, p.revision, "v1");
    personaIds.push(p.id);
  }
  const panel = expectOk(ops.createPanel, await owner.api.post(`${wsPath(owner.workspaceId)}/panels`, {
    name, spec: { members: [{ key: "ada", personaId: personaIds[0], version: 1 }, { key: "bo", personaId: personaIds[1], version: 1 }] },
  }));
  expectOk(ops.createPanelVersion, await owner.api.post(`${wsPath(owner.workspaceId)}/panels/${panel.id}/versions`, { message: "first cut", revision: panel.revision }));
  return { panelId: panel.id, personaIds };
}
