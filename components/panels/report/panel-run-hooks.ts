"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/query/api";
import { useIdempotentPost } from "@/lib/query/idempotent-post";
import { POLL_MS } from "@/lib/query/probe-hooks";
import type { PanelReport } from "@/lib/probing/chart-prep";
import type { CreatePanelRunBody, PanelRun, PanelRunEstimate, PanelRunStatus } from "@/lib/schemas/panel-run";

// Panel probes (issue 13 §4–5): the panel's runs, one run (polled while it
// runs), its report (partial while running), start / estimate / cancel / resume.

export const panelRunKeys = {
  runs: (ws: string, panelId: string) => ["panels", ws, "detail", panelId, "runs"] as const,
  run: (ws: string, panelId: string, runId: string) => ["panels", ws, "detail", panelId, "runs", runId] as const,
  report: (ws: string, panelId: string, runId: string) => ["panels", ws, "detail", panelId, "runs", runId, "report"] as const,
};

export const panelRunPaths = {
  runs: (ws: string, panelId: string) => `/api/workspaces/${ws}/panels/${panelId}/runs`,
  estimate: (ws: string, panelId: string) => `/api/workspaces/${ws}/panels/${panelId}/runs/estimate`,
  run: (ws: string, panelId: string, runId: string) => `/api/workspaces/${ws}/panels/${panelId}/runs/${runId}`,
  report: (ws: string, panelId: string, runId: string) => `/api/workspaces/${ws}/panels/${panelId}/runs/${runId}/report`,
  action: (ws: string, panelId: string, runId: string, action: "cancel" | "resume") => `/api/workspaces/${ws}/panels/${panelId}/runs/${runId}/${action}`,
};

export const isPanelRunActive = (status: PanelRunStatus | undefined) => status === "queued" || status === "running";

export const usePanelRuns = (ws: string, panelId: string) =>
  useQuery({
    queryKey: panelRunKeys.runs(ws, panelId),
    queryFn: () => api<PanelRun[]>("GET", panelRunPaths.runs(ws, panelId)),
    refetchInterval: (q) => (q.state.data?.some((r) => isPanelRunActive(r.status)) ? 2 * POLL_MS : false),
  });

export const usePanelRun = (ws: string, panelId: string, runId: string) =>
  useQuery({
    queryKey: panelRunKeys.run(ws, panelId, runId),
    queryFn: () => api<PanelRun>("GET", panelRunPaths.run(ws, panelId, runId)),
    refetchInterval: (q) => (isPanelRunActive(q.state.data?.status) ? POLL_MS : false),
    refetchIntervalInBackground: false,
  });

/** The report follows the run: refetched every 2 s while it is partial, once more when the run ends. */
export const usePanelReport = (ws: string, panelId: string, runId: string, runStatus: PanelRunStatus | undefined) =>
  useQuery({
    queryKey: [...panelRunKeys.report(ws, panelId, runId), isPanelRunActive(runStatus) ? "live" : runStatus ?? "pending"],
    queryFn: () => api<PanelReport>("GET", panelRunPaths.report(ws, panelId, runId)),
    enabled: !!runStatus,
    refetchInterval: isPanelRunActive(runStatus) ? 2 * POLL_MS : false,
    refetchIntervalInBackground: false,
    placeholderData: (previous) => previous,
  });

export function useCreatePanelRun(ws: string, panelId: string) {
  const qc = useQueryClient();
  const post = useIdempotentPost();
  return useMutation({
    mutationFn: (body: CreatePanelRunBody) => post<PanelRun>(panelRunPaths.runs(ws, panelId), body),
    onSuccess: () => qc.invalidateQueries({ queryKey: panelRunKeys.runs(ws, panelId) }),
  });
}

export const estimatePanelRun = (ws: string, panelId: string, body: CreatePanelRunBody, signal?: AbortSignal) =>
  api<PanelRunEstimate>("POST", panelRunPaths.estimate(ws, panelId), body, { signal });

export function usePanelRunAction(ws: string, panelId: string, runId: string, action: "cancel" | "resume") {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<PanelRun>("POST", panelRunPaths.action(ws, panelId, runId, action)),
    onSuccess: (run) => {
      qc.setQueryData(panelRunKeys.run(ws, panelId, runId), run);
      void qc.invalidateQueries({ queryKey: panelRunKeys.runs(ws, panelId) });
    },
  });
}
