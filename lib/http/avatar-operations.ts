import { z } from "zod";
import { defineOperation } from "@/lib/http/operation";
import { personaParams } from "@/lib/http/params";
import { avatarInfoSchema, putAvatarBody } from "@/lib/schemas/avatar";

// The persona's avatar: every member reads it (PNG bytes, strong ETag), editors
// upload or remove it. Without an upload the GET serves the generated one.

const P = "/api/workspaces/{workspaceId}/personas/{personaId}/avatar";

export const avatarOps = {
  getAvatar: defineOperation({ id: "getAvatar", method: "GET", path: P, tag: "Personas", summary: "The persona's avatar as a 512×512 PNG (uploaded, else generated from its initials); strong ETag, 304 on If-None-Match; X-Avatar-Source says which", auth: "workspace", role: "viewer", params: personaParams, response: z.unknown() }),
  putAvatar: defineOperation({ id: "putAvatar", method: "PUT", path: P, tag: "Personas", summary: "Upload an avatar (PNG, JPEG or WebP, ≤ 2 MB, base64); stored as a 512×512 PNG without metadata", auth: "workspace", role: "editor", params: personaParams, body: putAvatarBody, bodyLimit: "import", response: avatarInfoSchema }),
  deleteAvatar: defineOperation({ id: "deleteAvatar", method: "DELETE", path: P, tag: "Personas", summary: "Remove the uploaded avatar; the generated one is used again", auth: "workspace", role: "editor", params: personaParams, response: z.null() }),
};
