import { z } from "zod";
import { acknowledgementOps } from "@/lib/http/acknowledgement-operations";
import { apiTokenOps } from "@/lib/http/api-token-operations";
import { avatarOps } from "@/lib/http/avatar-operations";
import { composerOps } from "@/lib/http/composer-operations";
import { customTraitOps } from "@/lib/http/custom-trait-operations";
import { interopOps } from "@/lib/http/interop-operations";
import { labelOps } from "@/lib/http/label-operations";
import { healthOps } from "@/lib/http/health-operations";
import { invitationOps } from "@/lib/http/invitation-operations";
import { defineOperation } from "@/lib/http/operation";
import { panelOps } from "@/lib/http/panel-operations";
import { panelRunOps } from "@/lib/http/panel-run-operations";
import { personaParams, versionParams, wsParams, wsResource } from "@/lib/http/params";
import { panelPreviewOps } from "@/lib/http/panel-preview-operations";
import { panelReviewOps } from "@/lib/http/panel-review-operations";
import { panelSeatOps } from "@/lib/http/panel-seat-operations";
import { panelSessionOps } from "@/lib/http/panel-session-operations";
import { previewOps } from "@/lib/http/preview-operations";
import { probeOps } from "@/lib/http/probe-operations";
import { providerOps } from "@/lib/http/provider-operations";
import { reviewOps } from "@/lib/http/review-operations";
import { scenarioOps } from "@/lib/http/scenario-operations";
import { shareOps } from "@/lib/http/share-operations";
import { personaSpecSchema } from "@/lib/schemas/persona";
import {
  createPersonaBody, createVersionBody, diffQuery, listPersonasQuery, personaDetailSchema, personaDiffSchema,
  personaPageSchema, restoreVersionBody, setArchivedBody, updateDraftBody, versionDetailSchema, versionSummarySchema,
} from "@/lib/schemas/persona-api";
import {
  createWorkspaceBody, meSchema, memberSchema, updateMemberBody, updateWorkspaceBody, workspaceSchema,
} from "@/lib/schemas/workspace";

// Every API route, described once. Route files import their operation from here;
// /api/openapi.json is generated from this list; the integration tests sweep it.

const ws = wsParams;
const persona = personaParams;
const version = versionParams;
const member = wsResource("memberId");
const W = "/api/workspaces/{workspaceId}";
const P = `${W}/personas/{personaId}`;

export const ops = {
  me: defineOperation({ id: "getMe", method: "GET", path: "/api/me", tag: "Account", summary: "The signed-in account and its workspaces", auth: "user", response: meSchema }),
  compile: defineOperation({ id: "compilePersona", method: "POST", path: "/api/compile", tag: "Personas", summary: "Compile a PersonaSpec into its system prompt (pure, nothing stored)", auth: "user", body: z.object({ spec: personaSpecSchema }), response: z.object({ prompt: z.string(), source: z.enum(["compiled", "override"]) }) }),

  listWorkspaces: defineOperation({ id: "listWorkspaces", method: "GET", path: "/api/workspaces", tag: "Workspaces", summary: "Workspaces the caller belongs to", auth: "user", response: z.array(workspaceSchema) }),
  createWorkspace: defineOperation({ id: "createWorkspace", method: "POST", path: "/api/workspaces", tag: "Workspaces", summary: "Create a workspace; the caller becomes its owner", auth: "user", body: createWorkspaceBody, response: workspaceSchema, status: 201, idempotent: true }),
  updateWorkspace: defineOperation({ id: "updateWorkspace", method: "PATCH", path: W, tag: "Workspaces", summary: "Rename a workspace, set its approval policy or its reference judge (the judge new probes use unless they name one)", auth: "workspace", role: "owner", params: ws, body: updateWorkspaceBody, response: workspaceSchema }),

  listMembers: defineOperation({ id: "listMembers", method: "GET", path: `${W}/members`, tag: "Members", summary: "Members and their roles", auth: "workspace", role: "viewer", params: ws, response: z.array(memberSchema) }),
  updateMember: defineOperation({ id: "updateMember", method: "PATCH", path: `${W}/members/{memberId}`, tag: "Members", summary: "Change a member's role", auth: "workspace", role: "owner", params: member, body: updateMemberBody, response: memberSchema }),
  removeMember: defineOperation({ id: "removeMember", method: "DELETE", path: `${W}/members/{memberId}`, tag: "Members", summary: "Remove a member (owners), or leave (yourself)", auth: "workspace", role: "viewer", params: member, response: z.null() }),

  listPersonas: defineOperation({ id: "listPersonas", method: "GET", path: `${W}/personas`, tag: "Personas", summary: "List personas with search, status filter and sort, a page at a time (cursor paging: pass nextCursor back as cursor)", auth: "workspace", role: "viewer", params: ws, query: listPersonasQuery, response: personaPageSchema }),
  createPersona: defineOperation({ id: "createPersona", method: "POST", path: `${W}/personas`, tag: "Personas", summary: "Create a persona", auth: "workspace", role: "editor", params: ws, body: createPersonaBody, response: personaDetailSchema, status: 201, idempotent: true }),
  createSamplePersona: defineOperation({ id: "createSamplePersona", method: "POST", path: `${W}/sample-persona`, tag: "Personas", summary: "The first-run sample: a persona with a saved version and its probe run queued on the simulator", auth: "workspace", role: "editor", params: ws, response: z.object({ personaId: z.string(), runId: z.string() }), status: 201, idempotent: true }),
  getPersona: defineOperation({ id: "getPersona", method: "GET", path: P, tag: "Personas", summary: "A persona with its draft spec and compiled prompt", auth: "workspace", role: "viewer", params: persona, response: personaDetailSchema }),
  updateDraft: defineOperation({ id: "updateDraft", method: "PATCH", path: P, tag: "Personas", summary: "Save the draft (autosave). 409 with the current draft when `revision` is stale", auth: "workspace", role: "editor", params: persona, body: updateDraftBody, response: personaDetailSchema }),
  deletePersona: defineOperation({ id: "deletePersona", method: "DELETE", path: P, tag: "Personas", summary: "Delete a persona and all its versions", auth: "workspace", role: "editor", params: persona, response: z.null() }),
  archivePersona: defineOperation({ id: "archivePersona", method: "POST", path: `${P}/archive`, tag: "Personas", summary: "Archive or unarchive a persona", auth: "workspace", role: "editor", params: persona, body: setArchivedBody, response: personaDetailSchema }),

  listVersions: defineOperation({ id: "listVersions", method: "GET", path: `${P}/versions`, tag: "Versions", summary: "Saved versions, newest first", auth: "workspace", role: "viewer", params: persona, response: z.array(versionSummarySchema) }),
  createVersion: defineOperation({ id: "createVersion", method: "POST", path: `${P}/versions`, tag: "Versions", summary: "Snapshot the draft as a new numbered version", auth: "workspace", role: "editor", params: persona, body: createVersionBody, response: versionDetailSchema, status: 201, idempotent: true }),
  getVersion: defineOperation({ id: "getVersion", method: "GET", path: `${P}/versions/{number}`, tag: "Versions", summary: "One version: spec and compiled prompt", auth: "workspace", role: "viewer", params: version, response: versionDetailSchema }),
  restoreVersion: defineOperation({ id: "restoreVersion", method: "POST", path: `${P}/versions/{number}/restore`, tag: "Versions", summary: "Copy a version into the draft", auth: "workspace", role: "editor", params: version, body: restoreVersionBody, response: personaDetailSchema }),
  diff: defineOperation({ id: "diffVersions", method: "GET", path: `${P}/diff`, tag: "Versions", summary: "Diff two versions (or a version and the draft): spec fields and prompt lines", auth: "workspace", role: "viewer", params: persona, query: diffQuery, response: personaDiffSchema }),
  ...providerOps,
  ...previewOps,
  ...panelPreviewOps,
  ...panelSessionOps,
  ...probeOps,
  ...customTraitOps,
  ...reviewOps,
  ...shareOps,
  ...composerOps,
  ...scenarioOps,
  ...acknowledgementOps,
  ...interopOps,
  ...panelOps,
  ...panelRunOps,
  ...panelSeatOps,
  ...panelReviewOps,
  ...apiTokenOps,
  ...labelOps,
  ...avatarOps,
  ...healthOps,
  ...invitationOps,
};

export type Ops = typeof ops;
