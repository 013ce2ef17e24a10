"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/query/api";
import { useIdempotentPost } from "@/lib/query/idempotent-post";
import { reviewKeys } from "@/lib/query/review-hooks";
import type { PanelDecisionResult, PanelReviewRequest, PanelReviews, PanelVersionReview } from "@/lib/schemas/panel-review";
import type { DecideBody, RequestReviewBody } from "@/lib/schemas/review";

// Panel review (issue 13 §1). Keys live under reviewKeys.all, so every
// mutation refreshes the panel's review state and the review queue at once.

const R = (ws: string, panelId: string) => `/api/workspaces/${ws}/panels/${panelId}/reviews`;
const keys = {
  list: (ws: string, panelId: string) => [...reviewKeys.all(ws), "panel", panelId, "reviews"] as const,
  version: (ws: string, panelId: string, n: number) => [...reviewKeys.all(ws), "panel", panelId, "reviews", n] as const,
};

function useRefresh(ws: string) {
  const qc = useQueryClient();
  return () => void qc.invalidateQueries({ queryKey: reviewKeys.all(ws) });
}

export const usePanelReviews = (ws: string, panelId: string) =>
  useQuery({ queryKey: keys.list(ws, panelId), queryFn: () => api<PanelReviews>("GET", R(ws, panelId)) });

export const usePanelVersionReview = (ws: string, panelId: string, n: number | null) =>
  useQuery({ queryKey: keys.version(ws, panelId, n ?? 0), queryFn: () => api<PanelVersionReview>("GET", `${R(ws, panelId)}/versions/${n}`), enabled: n !== null });

export function useRequestPanelReview(ws: string, panelId: string) {
  const refresh = useRefresh(ws);
  const post = useIdempotentPost();
  return useMutation({ mutationFn: (body: RequestReviewBody) => post<PanelReviewRequest[]>(R(ws, panelId), body), onSuccess: refresh });
}

export function useDecidePanelVersion(ws: string, panelId: string, n: number) {
  const refresh = useRefresh(ws);
  const post = useIdempotentPost();
  return useMutation({ mutationFn: (body: DecideBody) => post<PanelDecisionResult>(`${R(ws, panelId)}/versions/${n}/decision`, body), onSuccess: refresh });
}

export function useWithdrawPanelReview(ws: string, panelId: string) {
  const refresh = useRefresh(ws);
  return useMutation({ mutationFn: (requestId: string) => api<PanelReviewRequest>("POST", `${R(ws, panelId)}/requests/${requestId}/withdraw`), onSuccess: refresh });
}
