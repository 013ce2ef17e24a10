import { z } from "zod";
import { defineOperation } from "@/lib/http/operation";
import { wsParams } from "@/lib/http/params";
import { previewBody, previewEventSchema, suggestArchetypesBody, suggestArchetypesResponse } from "@/lib/schemas/preview";

// Live preview routes. Calling a model can cost money, so viewers (read-only)
// cannot; reviewers and above can.

const ws = wsParams;

export const previewOps = {
  preview: defineOperation({
    id: "streamPreview", method: "POST", path: "/api/workspaces/{workspaceId}/preview", tag: "Preview",
    summary: "Stream one answer of a persona (draft spec or saved version) as NDJSON events: start, delta…, done | error",
    auth: "workspace", role: "reviewer", params: ws, body: previewBody, cost: "preview",
    response: z.array(previewEventSchema).describe("Sent as application/x-ndjson: one event object per line, as they happen"),
  }),
  suggestArchetypes: defineOperation({
    id: "suggestArchetypes", method: "POST", path: "/api/workspaces/{workspaceId}/archetypes/suggest", tag: "Preview",
    summary: "Ask the model which character types naturally show all of these traits",
    auth: "workspace", role: "reviewer", params: ws, body: suggestArchetypesBody, response: suggestArchetypesResponse, cost: "suggest",
  }),
};
