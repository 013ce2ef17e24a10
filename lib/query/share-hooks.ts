"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/query/api";
import { useIdempotentPost } from "@/lib/query/idempotent-post";
import type { AnswersQuery } from "@/lib/query/probe-hooks";
import type { ProbeAnswer } from "@/lib/schemas/probe";
import type { CreatedShare, CreateShareBody, ShareLink, ShareSamplesPlan } from "@/lib/schemas/share";

// Share links of a persona (list, create, revoke) and the public drill-down a
// share page uses for the answers behind its report. The created link's token
// is returned once and never cached: it lives in the dialog's state only.

export const shareKeys = {
  links: (ws: string, personaId: string) => ["shares", ws, "persona", personaId] as const,
  samplesPlan: (ws: string, personaId: string, version: "latest" | number) => ["shares", ws, "persona", personaId, "samples", version] as const,
  // Share pages have no workspace; the run id is enough to key the answers.
  sharedAnswers: (runId: string, q: AnswersQuery) => ["shared-answers", runId, q] as const,
};

export const sharePaths = {
  links: (ws: string, personaId: string) => `/api/workspaces/${ws}/personas/${personaId}/shares`,
  samplesPlan: (ws: string, personaId: string, version: "latest" | number) => `/api/workspaces/${ws}/personas/${personaId}/shares/samples?version=${version}`,
  revoke: (ws: string, shareId: string) => `/api/workspaces/${ws}/shares/${shareId}/revoke`,
  sharedAnswers: (token: string) => `/api/share/${token}/answers`,
};

export const useShareLinks = (ws: string, personaId: string) =>
  useQuery({ queryKey: shareKeys.links(ws, personaId), queryFn: () => api<ShareLink[]>("GET", sharePaths.links(ws, personaId)) });

/** What a new link's page would show as sample answers: recorded, recordable (where, at what cost) or nothing to answer. */
export const useShareSamplesPlan = (ws: string, personaId: string, version: "latest" | number, enabled = true) =>
  useQuery({
    queryKey: shareKeys.samplesPlan(ws, personaId, version),
    queryFn: () => api<ShareSamplesPlan>("GET", sharePaths.samplesPlan(ws, personaId, version)),
    enabled,
  });

export function useCreateShareLink(ws: string, personaId: string) {
  const qc = useQueryClient();
  // No Idempotency-Key: the server would have to store the answer, and it holds the link's token.
  const post = useIdempotentPost({ keyHeader: false });
  return useMutation({
    mutationFn: (body: CreateShareBody) => post<CreatedShare>(sharePaths.links(ws, personaId), body),
    // The links and the samples plan share this prefix; a recording made with the link shows on the review page too.
    onSuccess: () => Promise.all([qc.invalidateQueries({ queryKey: shareKeys.links(ws, personaId) }), qc.invalidateQueries({ queryKey: ["review", ws, personaId] })]),
  });
}

export function useRevokeShareLink(ws: string, personaId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (shareId: string) => api<ShareLink>("POST", sharePaths.revoke(ws, shareId)),
    onSuccess: () => qc.invalidateQueries({ queryKey: shareKeys.links(ws, personaId) }),
  });
}

/**
 * Where a report's drill-down gets its answers when it is not the workspace
 * route: a query key prefix and a fetch for one AnswersQuery.
 */
export type AnswersFetcher = {
  key: (q: AnswersQuery) => readonly unknown[];
  fetch: (q: AnswersQuery, signal?: AbortSignal) => Promise<ProbeAnswer[]>;
};

const SHARED_MAX = 200;

/**
 * The public answers route of a share link. It filters by ids and trait but not
 * by kind (persona or baseline), so a kind is applied here on a larger page.
 */
export function sharedAnswersFetcher(token: string, runId: string): AnswersFetcher {
  return {
    key: (q) => shareKeys.sharedAnswers(runId, q),
    fetch: async (q, signal) => {
      const params = new URLSearchParams();
      if (q.ids?.length) params.set("ids", q.ids.join(","));
      if (q.trait) params.set("trait", q.trait);
      const limit = Math.min(q.limit ?? 50, SHARED_MAX);
      params.set("limit", String(q.kind ? SHARED_MAX : limit));
      const rows = await api<ProbeAnswer[]>("GET", `${sharePaths.sharedAnswers(token)}?${params}`, undefined, { signal });
      return q.kind ? rows.filter((a) => a.kind === q.kind).slice(0, limit) : rows;
    },
  };
}

/** Answers from a fetcher; disabled (and idle) when either argument is null. */
export function useFetchedAnswers(fetcher: AnswersFetcher | null, q: AnswersQuery | null) {
  return useQuery({
    queryKey: fetcher && q ? fetcher.key(q) : ["shared-answers", "idle"],
    queryFn: ({ signal }) => fetcher!.fetch(q!, signal),
    enabled: !!fetcher && !!q,
    staleTime: 60_000,
  });
}
