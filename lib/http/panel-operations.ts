import { z } from "zod";
import { defineOperation } from "@/lib/http/operation";
import { wsParams, wsResource } from "@/lib/http/params";
import {
  createPanelBody, createPanelVersionBody, exportCouncilSchema, importCouncilBody, importCouncilResultSchema,
  panelDetailSchema, panelSummarySchema, panelVersionDetailSchema, panelVersionSummarySchema, updatePanelBody,
} from "@/lib/schemas/panel";
import { axesComparisonQuery, axesComparisonSchema, axesExperimentStartedSchema, startAxesExperimentBody } from "@/lib/schemas/axes-experiment";

// Panels and councils (issue 13 §1, §7): CRUD with a revision token (409 when
// stale), versions, and council member files + seat plans in and out.
// Viewers read; editors create, edit and delete; another workspace's panel is not found.

const ws = wsParams;
const panel = wsResource("panelId");
const W = "/api/workspaces/{workspaceId}";
const PN = `${W}/panels/{panelId}`;

export const panelOps = {
  listPanels: defineOperation({ id: "listPanels", method: "GET", path: `${W}/panels`, tag: "Panels", summary: "Panels of the workspace, most recently edited first", auth: "workspace", role: "viewer", params: ws, response: z.array(panelSummarySchema) }),
  createPanel: defineOperation({ id: "createPanel", method: "POST", path: `${W}/panels`, tag: "Panels", summary: "Create a panel: members (personas of this workspace, pinned or latest) on seats, polarity pairs, groups", auth: "workspace", role: "editor", params: ws, body: createPanelBody, response: panelDetailSchema, status: 201, idempotent: true }),
  getPanel: defineOperation({ id: "getPanel", method: "GET", path: PN, tag: "Panels", summary: "A panel: its spec and each member resolved (name, archetype, seat under the active plan)", auth: "workspace", role: "viewer", params: panel, response: panelDetailSchema }),
  updatePanel: defineOperation({ id: "updatePanel", method: "PATCH", path: PN, tag: "Panels", summary: "Save the panel (name, description, spec). 409 with the current panel when `revision` is stale", auth: "workspace", role: "editor", params: panel, body: updatePanelBody, response: panelDetailSchema }),
  deletePanel: defineOperation({ id: "deletePanel", method: "DELETE", path: PN, tag: "Panels", summary: "Delete a panel and its versions (the personas stay)", auth: "workspace", role: "editor", params: panel, response: z.null() }),
  listPanelVersions: defineOperation({ id: "listPanelVersions", method: "GET", path: `${PN}/versions`, tag: "Panels", summary: "Saved versions of the panel, newest first", auth: "workspace", role: "viewer", params: panel, response: z.array(panelVersionSummarySchema) }),
  createPanelVersion: defineOperation({ id: "createPanelVersion", method: "POST", path: `${PN}/versions`, tag: "Panels", summary: "Snapshot the panel as a new numbered version (the same revision twice gives the version already made)", auth: "workspace", role: "editor", params: panel, body: createPanelVersionBody, response: panelVersionDetailSchema, status: 201, idempotent: true }),
  importCouncil: defineOperation({ id: "importCouncil", method: "POST", path: `${W}/panels/import-council`, tag: "Panels", summary: "Import council member files (Markdown + YAML front matter) and a seat plan as personas and a panel; a malformed file → 422 naming file, line and field, nothing written", auth: "workspace", role: "editor", params: ws, body: importCouncilBody, bodyLimit: "import", response: importCouncilResultSchema, status: 201, idempotent: true }),
  startAxesExperiment: defineOperation({ id: "startAxesExperiment", method: "POST", path: `${W}/panels/axes-experiment`, tag: "Panels", summary: "Axes experiment: from one topic, members along five axes drafted topic-labelled and framework-grounded (personas saved as v1), two panels with one group per axis on one seat, and a divergence probe of each on the same items", auth: "workspace", role: "editor", params: ws, body: startAxesExperimentBody, response: axesExperimentStartedSchema, status: 201, cost: "probe", idempotent: true }),
  getAxesComparison: defineOperation({ id: "getAxesComparison", method: "GET", path: `${W}/panels/axes-experiment`, tag: "Panels", summary: "An axes experiment's comparison: per axis, each style's spread and framework − topic with an item-paired interval and a verdict (partial while the probes run)", auth: "workspace", role: "viewer", params: ws, query: axesComparisonQuery, response: axesComparisonSchema }),
  exportCouncil: defineOperation({ id: "exportCouncil", method: "GET", path: `${PN}/export-council`, tag: "Panels", summary: "The panel as council member files and a seat plan (an unedited imported member comes back byte for byte)", auth: "workspace", role: "viewer", params: panel, response: exportCouncilSchema }),
};
