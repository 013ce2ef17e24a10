import { z } from "zod";
import { defineOperation } from "@/lib/http/operation";
import { personaParams } from "@/lib/http/params";
import { labelNameSchema, labelPromptSchema, moveLabelBody, versionLabelSchema } from "@/lib/schemas/labels";

// Version labels. Editors move and remove them; anyone in the workspace (and any
// API token of it) reads them. GET …/labels/{label} is what an application
// calls: the compiled prompt, with a strong ETag (304 on If-None-Match) and
// `Cache-Control: private, max-age=60` (lib/http/etag.ts).

const P = "/api/workspaces/{workspaceId}/personas/{personaId}";
const label = personaParams.extend({ label: labelNameSchema });

export const labelOps = {
  listLabels: defineOperation({ id: "listLabels", method: "GET", path: `${P}/labels`, tag: "Labels", summary: "The persona's version labels (production, staging…) and the versions they point at", auth: "workspace", role: "viewer", params: personaParams, response: z.array(versionLabelSchema) }),
  getLabelPrompt: defineOperation({ id: "getLabelPrompt", method: "GET", path: `${P}/labels/{label}`, tag: "Labels", summary: "The compiled prompt a label points at, for applications (API token). {personaId} may be the persona's slug. Strong ETag; 304 on If-None-Match; Cache-Control: private, max-age=60", auth: "workspace", role: "viewer", params: label, response: labelPromptSchema }),
  moveLabel: defineOperation({ id: "moveLabel", method: "PUT", path: `${P}/labels/{label}`, tag: "Labels", summary: "Point a label at a version (created when new); recorded in the activity trail", auth: "workspace", role: "editor", params: label, body: moveLabelBody, response: versionLabelSchema }),
  removeLabel: defineOperation({ id: "removeLabel", method: "DELETE", path: `${P}/labels/{label}`, tag: "Labels", summary: "Remove a label; applications fetching it get 404", auth: "workspace", role: "editor", params: label, response: z.null() }),
};
