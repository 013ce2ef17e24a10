import { z } from "zod";
import { defineOperation } from "@/lib/http/operation";
import { idParam, wsResource } from "@/lib/http/params";
import { createPanelRunBody, panelRunEstimateSchema, panelRunSchema } from "@/lib/schemas/panel-run";

// Panel probes (issue 13 §4–5): one member run per member (× arm for the ceiling
// experiment) on the same items with the same judge, then blind distinguishability.
// Starting one calls models (cost, like a probe): editors start, cancel and resume;
// every member reads runs and reports. Another workspace's panel is not found.

const panel = wsResource("panelId");
const run = panel.extend({ runId: idParam });
const R = "/api/workspaces/{workspaceId}/panels/{panelId}/runs";

export const panelRunOps = {
  listPanelRuns: defineOperation({ id: "listPanelRuns", method: "GET", path: R, tag: "Panels", summary: "Probes of the panel, newest first", auth: "workspace", role: "viewer", params: panel, response: z.array(panelRunSchema) }),
  createPanelRun: defineOperation({ id: "createPanelRun", method: "POST", path: R, tag: "Panels", summary: "Probe the whole panel: every member answers the same items with the same seed and judge (divergence: the active plan; ceiling: the single-model and routed plans), then blind distinguishability", auth: "workspace", role: "editor", params: panel, body: createPanelRunBody, response: panelRunSchema, status: 201, cost: "probe", idempotent: true }),
  estimatePanelRun: defineOperation({ id: "estimatePanelRun", method: "POST", path: `${R}/estimate`, tag: "Panels", summary: "Size a panel probe before starting it: member runs, answers, model calls after the cache, distinguishability calls (nothing stored, no model called)", auth: "workspace", role: "editor", params: panel, body: createPanelRunBody, response: panelRunEstimateSchema }),
  getPanelRun: defineOperation({ id: "getPanelRun", method: "GET", path: `${R}/{runId}`, tag: "Panels", summary: "A panel probe: its member runs, the distinguishability pass, calls and cache hits", auth: "workspace", role: "viewer", params: run, response: panelRunSchema }),
  getPanelReport: defineOperation({ id: "getPanelReport", method: "GET", path: `${R}/{runId}/report`, tag: "Panels", summary: "The panel report: divergence, polarity, distinguishability, groups, flags per arm, and the diversity gain (partial while the probe runs)", auth: "workspace", role: "viewer", params: run, response: z.unknown() }),
  cancelPanelRun: defineOperation({ id: "cancelPanelRun", method: "POST", path: `${R}/{runId}/cancel`, tag: "Panels", summary: "Cancel a panel probe: every member run still going and the distinguishability pass (answers so far are kept)", auth: "workspace", role: "editor", params: run, response: panelRunSchema }),
  resumePanelRun: defineOperation({ id: "resumePanelRun", method: "POST", path: `${R}/{runId}/resume`, tag: "Panels", summary: "Resume a cancelled or failed panel probe where it stopped", auth: "workspace", role: "editor", params: run, response: panelRunSchema }),
};
