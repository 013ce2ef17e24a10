"use client";
import { useEffect } from "react";
import { infiniteQueryOptions, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/query/api";
import { useIdempotentPost } from "@/lib/query/idempotent-post";
import type { CreateProbeRunBody, ProbeAnswer, ProbeRun, ProbeRunDetail, RunStatus, TraitLibrary } from "@/lib/schemas/probe";

// Trait library, probe runs and their answers. A run's detail is polled about
// once a second while it is queued or running (the report fills in as results
// arrive) and not at all once it has finished.

export const probeKeys = {
  traits: ["traits"] as const,
  runs: (ws: string, personaId: string) => ["probe-runs", ws, "persona", personaId] as const,
  run: (ws: string, runId: string, method?: string) => (method ? ["probe-runs", ws, "run", runId, { method }] as const : ["probe-runs", ws, "run", runId] as const),
  answers: (ws: string, runId: string, q: AnswersQuery) => ["probe-runs", ws, "run", runId, "answers", q] as const,
};

export const probePaths = {
  traits: () => "/api/traits",
  runs: (ws: string, personaId: string) => `/api/workspaces/${ws}/personas/${personaId}/probe-runs`,
  run: (ws: string, runId: string) => `/api/workspaces/${ws}/probe-runs/${runId}`,
  cancel: (ws: string, runId: string) => `/api/workspaces/${ws}/probe-runs/${runId}/cancel`,
  resume: (ws: string, runId: string) => `/api/workspaces/${ws}/probe-runs/${runId}/resume`,
  answers: (ws: string, runId: string) => `/api/workspaces/${ws}/probe-runs/${runId}/answers`,
  reanalyse: (ws: string, runId: string) => `/api/workspaces/${ws}/probe-runs/${runId}/reanalyse`,
};

export type AnswersQuery = { ids?: string[]; trait?: string; kind?: "persona" | "baseline"; limit?: number };

export const POLL_MS = 1000;
export const isActive = (status: RunStatus | undefined) => status === "queued" || status === "running";

export const useTraitLibrary = () =>
  useQuery({ queryKey: probeKeys.traits, queryFn: () => api<TraitLibrary>("GET", probePaths.traits()), staleTime: Infinity });

/** A persona's run history, newest first, a page at a time: each page's runs and the X-Next-Cursor of the next. */
export const probeRunPages = (ws: string, personaId: string) =>
  infiniteQueryOptions({
    queryKey: probeKeys.runs(ws, personaId),
    queryFn: async ({ pageParam, signal }) => {
      let nextCursor: string | null = null;
      const items = await api<ProbeRun[]>("GET", `${probePaths.runs(ws, personaId)}${pageParam ? `?cursor=${encodeURIComponent(pageParam)}` : ""}`, undefined, {
        signal, onHeaders: (h) => { nextCursor = h.get("X-Next-Cursor"); },
      });
      return { items, nextCursor };
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

/** `data` is every run of the pages loaded so far; `fetchNextPage` ("Show older runs") loads the next. */
export const useProbeRuns = (ws: string, personaId: string) =>
  useInfiniteQuery({
    ...probeRunPages(ws, personaId),
    select: (d) => d.pages.flatMap((p) => p.items),
    // Keep the history's progress column moving while any run is active.
    refetchInterval: (q) => (q.state.data?.pages.some((p) => p.items.some((r) => isActive(r.status))) ? 2 * POLL_MS : false),
  });

/** `method`: read the analysis stored under that method version (default: the newest stored). */
export function useProbeRun(ws: string, runId: string | null, method?: string | null) {
  const qc = useQueryClient();
  const query = useQuery({
    queryKey: probeKeys.run(ws, runId ?? "", method ?? undefined),
    queryFn: () => api<ProbeRunDetail>("GET", `${probePaths.run(ws, runId!)}${method ? `?method=${encodeURIComponent(method)}` : ""}`),
    enabled: !!runId,
    refetchInterval: (q) => (isActive(q.state.data?.status) ? POLL_MS : false),
    refetchIntervalInBackground: false,
    staleTime: (q) => (isActive(q.state.data?.status) ? 0 : Infinity),
  });
  // When a run finishes, the persona's run history changes too.
  const status = query.data?.status;
  const personaId = query.data?.personaId;
  useEffect(() => {
    if (personaId && status && !isActive(status)) void qc.invalidateQueries({ queryKey: probeKeys.runs(ws, personaId) });
  }, [qc, ws, personaId, status]);
  return query;
}

export function useProbeAnswers(ws: string, runId: string, q: AnswersQuery | null) {
  return useQuery({
    queryKey: probeKeys.answers(ws, runId, q ?? {}),
    queryFn: ({ signal }) => {
      const params = new URLSearchParams();
      if (q?.ids?.length) params.set("ids", q.ids.join(","));
      if (q?.trait) params.set("trait", q.trait);
      if (q?.kind) params.set("kind", q.kind);
      // A flag's evidence: every answer named (the API's default page is 100).
      const limit = q?.limit ?? (q?.ids?.length ? Math.min(q.ids.length, 500) : undefined);
      if (limit) params.set("limit", String(limit));
      return api<ProbeAnswer[]>("GET", `${probePaths.answers(ws, runId)}?${params}`, undefined, { signal });
    },
    enabled: !!q,
    staleTime: 60_000,
  });
}

export function useCreateProbeRun(ws: string, personaId: string) {
  const qc = useQueryClient();
  const post = useIdempotentPost();
  return useMutation({
    mutationFn: (body: CreateProbeRunBody) => post<ProbeRun>(probePaths.runs(ws, personaId), body),
    onSuccess: () => qc.invalidateQueries({ queryKey: probeKeys.runs(ws, personaId) }),
  });
}

/** Cancel a queued or running probe, or resume a failed or cancelled one where it stopped. */
export function useProbeRunAction(ws: string, runId: string, action: "cancel" | "resume") {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<ProbeRun>("POST", probePaths[action](ws, runId)),
    onSuccess: (run) => {
      void qc.invalidateQueries({ queryKey: probeKeys.run(ws, runId) });
      void qc.invalidateQueries({ queryKey: probeKeys.runs(ws, run.personaId) });
    },
  });
}

/** Re-analyse a finished run with the current method; the older analysis stays readable. */
export function useReanalyseProbeRun(ws: string, runId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<ProbeRunDetail>("POST", probePaths.reanalyse(ws, runId)),
    onSuccess: () => qc.invalidateQueries({ queryKey: probeKeys.run(ws, runId) }),
  });
}
