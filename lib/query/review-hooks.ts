"use client";
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/query/api";
import { useIdempotentPost } from "@/lib/query/idempotent-post";
import { keys } from "@/lib/query/hooks";
import type {
  Activity, Comment, CommentThread, CreateCommentBody, DecideBody, MentionItem, RequestReviewBody, ReviewDecision, ReviewQueue,
  ReviewRequest, SampleRecording, VersionReview,
} from "@/lib/schemas/review";
import type { CreatePanelCommentBody } from "@/lib/schemas/panel-session";

// Review: sample answers, comment threads, review requests and decisions, the
// queue and the activity trail. Every mutation refreshes what it changes: the
// threads, the version's review state, the persona (its status), the queue and
// the trail.

const P = (ws: string, id: string) => `/api/workspaces/${ws}/personas/${id}`;

export const reviewKeys = {
  all: (ws: string) => ["review", ws] as const,
  samples: (ws: string, id: string, n: number) => ["review", ws, id, "samples", n] as const,
  comments: (ws: string, id: string) => ["review", ws, id, "comments"] as const,
  versionReview: (ws: string, id: string, n: number) => ["review", ws, id, "version", n] as const,
  activity: (ws: string, id: string) => ["review", ws, id, "activity"] as const,
  queue: (ws: string) => ["review", ws, "queue"] as const,
  olderMentions: (ws: string, cursor: string) => ["review", ws, "mentions", cursor] as const,
  panelComments: (ws: string, panelId: string, sessionId?: string) => ["review", ws, "panel", panelId, "comments", sessionId ?? "all"] as const,
};

function useRefresh(ws: string, id?: string) {
  const qc = useQueryClient();
  return () => {
    void qc.invalidateQueries({ queryKey: reviewKeys.all(ws) });
    if (id) void qc.invalidateQueries({ queryKey: keys.persona(ws, id) });
    void qc.invalidateQueries({ queryKey: keys.personas(ws) });
  };
}

export const useSamples = (ws: string, id: string, n: number) =>
  useQuery({ queryKey: reviewKeys.samples(ws, id, n), queryFn: () => api<SampleRecording | null>("GET", `${P(ws, id)}/versions/${n}/samples`) });

export function useRecordSamples(ws: string, id: string, n: number) {
  const refresh = useRefresh(ws, id);
  const post = useIdempotentPost();
  return useMutation({
    mutationFn: (body: { providerId?: string; model?: string }) => post<SampleRecording>(`${P(ws, id)}/versions/${n}/samples`, body),
    onSuccess: refresh,
  });
}

/** Threads per page the studio asks for (the API's maximum); more come with "Show more comments". */
const THREAD_PAGE = 200;

/**
 * A persona's threads, oldest first, a page at a time: `data` is every thread of
 * the pages loaded so far; `fetchNextPage` follows the X-Next-Cursor header.
 */
export const useComments = (ws: string, id: string) =>
  useInfiniteQuery({
    queryKey: reviewKeys.comments(ws, id),
    queryFn: async ({ pageParam, signal }) => {
      const next: { cursor: string | null } = { cursor: null };
      const page = new URLSearchParams({ limit: String(THREAD_PAGE), ...(pageParam ? { cursor: pageParam } : {}) });
      const items = await api<CommentThread[]>("GET", `${P(ws, id)}/comments?${page}`, undefined, {
        signal, onHeaders: (h) => { next.cursor = h.get("X-Next-Cursor"); },
      });
      return { items, nextCursor: next.cursor };
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
    select: (d) => d.pages.flatMap((p) => p.items),
  });

/** A persona's thread — or, with `panelId`, a panel's (its keys live under reviewKeys.all, so the same refresh reaches them). */
export function useCreateComment(ws: string, id: string, panelId?: string) {
  const refresh = useRefresh(ws, id);
  const post = useIdempotentPost();
  return useMutation({
    mutationFn: (body: CreateCommentBody | CreatePanelCommentBody) => post<Comment>(panelId ? `/api/workspaces/${ws}/panels/${panelId}/comments` : `${P(ws, id)}/comments`, body),
    onSuccess: refresh,
  });
}

export function useEditComment(ws: string, id: string) {
  const refresh = useRefresh(ws, id);
  return {
    edit: useMutation({ mutationFn: ({ commentId, body }: { commentId: string; body: string }) => api<Comment>("PATCH", `/api/workspaces/${ws}/comments/${commentId}`, { body }), onSuccess: refresh }),
    remove: useMutation({ mutationFn: (commentId: string) => api<null>("DELETE", `/api/workspaces/${ws}/comments/${commentId}`), onSuccess: refresh }),
  };
}

export function useResolveComment(ws: string, id: string) {
  const refresh = useRefresh(ws, id);
  return useMutation({
    mutationFn: ({ commentId, resolved }: { commentId: string; resolved: boolean }) =>
      api<CommentThread>("POST", `/api/workspaces/${ws}/comments/${commentId}/resolve`, { resolved }),
    onSuccess: refresh,
  });
}

export const useVersionReview = (ws: string, id: string, n: number) =>
  useQuery({ queryKey: reviewKeys.versionReview(ws, id, n), queryFn: () => api<VersionReview>("GET", `${P(ws, id)}/versions/${n}/review`) });

export function useRequestReview(ws: string, id: string) {
  const refresh = useRefresh(ws, id);
  const post = useIdempotentPost();
  return useMutation({ mutationFn: (body: RequestReviewBody) => post<ReviewRequest[]>(`${P(ws, id)}/review-requests`, body), onSuccess: refresh });
}

export function useDecide(ws: string, id: string, n: number) {
  const refresh = useRefresh(ws, id);
  const post = useIdempotentPost();
  return useMutation({
    mutationFn: (body: DecideBody) => post<{ decision: ReviewDecision; status: string; warnings: string[] }>(`${P(ws, id)}/versions/${n}/decision`, body),
    onSuccess: refresh,
  });
}

export const useReviewQueue = (ws: string) =>
  useQuery({ queryKey: reviewKeys.queue(ws), queryFn: () => api<ReviewQueue>("GET", `/api/workspaces/${ws}/review-queue`), refetchInterval: 60_000 });

/**
 * The open threads that mention me past the queue's first page, from its
 * mentionsNextCursor on, a page at a time; nothing is asked until `enabled`.
 */
export const useOlderMentions = (ws: string, cursor: string | null, enabled: boolean) =>
  useInfiniteQuery({
    queryKey: reviewKeys.olderMentions(ws, cursor ?? ""),
    queryFn: async ({ pageParam, signal }) => {
      const next: { cursor: string | null } = { cursor: null };
      const items = await api<MentionItem[]>("GET", `/api/workspaces/${ws}/review-queue/mentions?${new URLSearchParams({ cursor: pageParam })}`, undefined, {
        signal, onHeaders: (h) => { next.cursor = h.get("X-Next-Cursor"); },
      });
      return { items, nextCursor: next.cursor };
    },
    initialPageParam: cursor ?? "",
    getNextPageParam: (last) => last.nextCursor,
    enabled: enabled && !!cursor,
    select: (d) => d.pages.flatMap((p) => p.items),
  });

export const useActivity = (ws: string, id: string) =>
  useQuery({ queryKey: reviewKeys.activity(ws, id), queryFn: () => api<Activity[]>("GET", `${P(ws, id)}/activity?limit=200`) });
