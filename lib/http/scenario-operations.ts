import { z } from "zod";
import { defineOperation } from "@/lib/http/operation";
import { personaParams } from "@/lib/http/params";
import { personaDetailSchema } from "@/lib/schemas/persona-api";
import { draftScenariosBody, draftScenariosResponse, importScenariosBody } from "@/lib/schemas/scenario";

// Scenarios are part of the draft spec (edited by autosave); importing a file is
// editing the draft, so it needs the editor role and the draft's revision.
// Drafting asks a model (it costs), and its result is only a proposal.

const P = "/api/workspaces/{workspaceId}/personas/{personaId}";

export const scenarioOps = {
  importScenarios: defineOperation({
    id: "importScenarios", method: "POST", path: `${P}/scenarios/import`, tag: "Personas",
    summary: "Import scenarios, with their checks, from CSV or JSONL into the draft (append or replace). 422 names the bad lines and fields; 409 when `revision` is stale",
    auth: "workspace", role: "editor", params: personaParams, body: importScenariosBody, bodyLimit: "import",
    response: z.object({ imported: z.number().int(), persona: personaDetailSchema }),
  }),
  draftScenarios: defineOperation({
    id: "draftScenarios", method: "POST", path: `${P}/scenarios/draft`, tag: "Personas",
    summary: "Ask the model to draft 8–12 scenarios from the draft's character type, background and boundaries (nothing stored)",
    auth: "workspace", role: "editor", params: personaParams, body: draftScenariosBody, response: draftScenariosResponse, cost: "draft",
  }),
};
