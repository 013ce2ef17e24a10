"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/query/api";
import { reviewKeys } from "@/lib/query/review-hooks";
import type { CreatedPanelShare, CreatePanelShareBody, PanelSession, PanelSessionSummary, PanelShareLink } from "@/lib/schemas/panel-session";
import type { CommentThread } from "@/lib/schemas/review";

// Recorded panel previews, a panel's comment threads and its share links.
// Panel comment threads live under reviewKeys (["review", ws, "panel", …]) so
// the comment components' own refresh (review-hooks) reaches them.

const PN = (ws: string, panelId: string) => `/api/workspaces/${ws}/panels/${panelId}`;

export const panelSessionKeys = {
  sessions: (ws: string, panelId: string) => ["panel-sessions", ws, panelId] as const,
  session: (ws: string, panelId: string, id: string) => ["panel-sessions", ws, panelId, id] as const,
  shares: (ws: string, panelId: string) => ["panel-shares", ws, panelId] as const,
};

export const usePanelSessions = (ws: string, panelId: string) =>
  useQuery({ queryKey: panelSessionKeys.sessions(ws, panelId), queryFn: () => api<PanelSessionSummary[]>("GET", `${PN(ws, panelId)}/sessions`) });

export const usePanelSession = (ws: string, panelId: string, id: string | null) =>
  useQuery({
    queryKey: panelSessionKeys.session(ws, panelId, id ?? ""), enabled: !!id,
    queryFn: () => api<PanelSession>("GET", `${PN(ws, panelId)}/sessions/${id}`),
  });

export function useDeletePanelSession(ws: string, panelId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<null>("DELETE", `${PN(ws, panelId)}/sessions/${id}`),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ["panel-sessions", ws, panelId] });
      void qc.invalidateQueries({ queryKey: reviewKeys.all(ws) });
    },
  });
}

/** Refreshes the session list after a recorded preview ends. */
export function useRefreshPanelSessions(ws: string, panelId: string) {
  const qc = useQueryClient();
  return () => void qc.invalidateQueries({ queryKey: panelSessionKeys.sessions(ws, panelId) });
}

export const usePanelComments = (ws: string, panelId: string, sessionId?: string) =>
  useQuery({
    queryKey: reviewKeys.panelComments(ws, panelId, sessionId),
    queryFn: () => api<CommentThread[]>("GET", `${PN(ws, panelId)}/comments${sessionId ? `?session=${encodeURIComponent(sessionId)}` : ""}`),
  });

export const usePanelShares = (ws: string, panelId: string) =>
  useQuery({ queryKey: panelSessionKeys.shares(ws, panelId), queryFn: () => api<PanelShareLink[]>("GET", `${PN(ws, panelId)}/shares`) });

export function useCreatePanelShare(ws: string, panelId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePanelShareBody) => api<CreatedPanelShare>("POST", `${PN(ws, panelId)}/shares`, body),
    onSuccess: () => void qc.invalidateQueries({ queryKey: panelSessionKeys.shares(ws, panelId) }),
  });
}

export function useRevokePanelShare(ws: string, panelId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<PanelShareLink>("POST", `${PN(ws, panelId)}/shares/${id}/revoke`),
    onSuccess: () => void qc.invalidateQueries({ queryKey: panelSessionKeys.shares(ws, panelId) }),
  });
}
