import { z } from "zod";
import { defineOperation } from "@/lib/http/operation";
import { personaParams, wsParams } from "@/lib/http/params";
import { exportQuery, importPersonaBody, importResultSchema } from "@/lib/schemas/interop";

// Import a file as a new persona (editors); export a persona as a file (every member).

const ws = wsParams;
const persona = personaParams;
const W = "/api/workspaces/{workspaceId}";

export const interopOps = {
  importPersona: defineOperation({ id: "importPersona", method: "POST", path: `${W}/imports`, tag: "Import & export", summary: "Import a Character Card V1/V2/V3 (JSON or PNG), Persona Studio JSON or a plain system prompt as a new persona", auth: "workspace", role: "editor", params: ws, body: importPersonaBody, bodyLimit: "import", response: importResultSchema, status: 201, idempotent: true }),
  exportPersona: defineOperation({ id: "exportPersona", method: "GET", path: `${W}/personas/{personaId}/export`, tag: "Import & export", summary: "Download a persona as Persona Studio JSON, Character Card V2/V3 (JSON or PNG), plain prompt, or promptfoo config (a file, not JSON)", auth: "workspace", role: "viewer", params: persona, query: exportQuery, response: z.unknown() }),
};
