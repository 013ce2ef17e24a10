"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/query/api";
import { useIdempotentPost } from "@/lib/query/idempotent-post";
import { panelKeys } from "@/lib/query/panel-hooks";
import type { AxesComparison, AxesExperimentStarted, StartAxesExperimentBody } from "@/lib/schemas/axes-experiment";

// The axes experiment (issue 13 §6): start it (two panels, two probes), then
// follow the comparison, refetched every 3 s until both probes are done.

const POLL_MS = 3000;

export const axesPath = (ws: string) => `/api/workspaces/${ws}/panels/axes-experiment`;
export const axesPagePath = (ws: string, runs: { topicRun: string; frameworkRun: string }) =>
  `/w/${ws}/panels/axes-experiment?topicRun=${encodeURIComponent(runs.topicRun)}&frameworkRun=${encodeURIComponent(runs.frameworkRun)}`;

export function useStartAxesExperiment(ws: string) {
  const qc = useQueryClient();
  const post = useIdempotentPost();
  return useMutation({
    mutationFn: (body: StartAxesExperimentBody) => post<AxesExperimentStarted>(axesPath(ws), body),
    onSuccess: () => qc.invalidateQueries({ queryKey: panelKeys.list(ws) }),
  });
}

export const useAxesComparison = (ws: string, topicRun: string, frameworkRun: string) =>
  useQuery({
    queryKey: ["panels", ws, "axes-experiment", topicRun, frameworkRun],
    queryFn: () => api<AxesComparison>("GET", `${axesPath(ws)}?topicRun=${encodeURIComponent(topicRun)}&frameworkRun=${encodeURIComponent(frameworkRun)}`),
    refetchInterval: (q) => (q.state.data && !q.state.data.complete && q.state.data.runs.every((r) => r.status === "queued" || r.status === "running" || r.status === "completed") ? POLL_MS : false),
    refetchIntervalInBackground: false,
    placeholderData: (previous) => previous,
  });
