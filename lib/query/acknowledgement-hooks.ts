"use client";
import { useMutation, useQuery, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { api } from "@/lib/query/api";
import { reviewKeys } from "@/lib/query/review-hooks";
import type { Acknowledgement, AcknowledgeFlagBody } from "@/lib/schemas/acknowledgement";

// "Expected for this persona" (issue 12 §7): the persona's acknowledged flags.
// Acknowledging or undoing one changes every report of the persona (its flags
// are marked, its verdict line skips them), the run history's verdict lines
// and the review box's approval state, so all of those are refetched.

export const ackKeys = {
  list: (ws: string, personaId: string) => ["acknowledgements", ws, personaId] as const,
};

export const ackPaths = {
  list: (ws: string, personaId: string) => `/api/workspaces/${ws}/personas/${personaId}/acknowledgements`,
  one: (ws: string, personaId: string, ackId: string) => `/api/workspaces/${ws}/personas/${personaId}/acknowledgements/${ackId}`,
};

export const useAcknowledgements = (ws: string, personaId: string) =>
  useQuery({
    queryKey: ackKeys.list(ws, personaId),
    queryFn: async () => (await api<{ acknowledgements: Acknowledgement[] }>("GET", ackPaths.list(ws, personaId))).acknowledgements,
  });

/** The persona's list, its run reports and history (never the answers: they do not change), and the review state. */
export function refreshAfterAck(qc: QueryClient, ws: string, personaId: string) {
  void qc.invalidateQueries({ queryKey: ackKeys.list(ws, personaId) });
  void qc.invalidateQueries({
    queryKey: ["probe-runs", ws],
    predicate: (q) => !q.queryKey.includes("answers"),
  });
  void qc.invalidateQueries({ queryKey: reviewKeys.all(ws) });
}

/** Acknowledge a flag (editor+); the same flag and direction again replaces the reason. */
export function useAcknowledgeFlag(ws: string, personaId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (body: AcknowledgeFlagBody) =>
      (await api<{ acknowledgement: Acknowledgement }>("POST", ackPaths.list(ws, personaId), body)).acknowledgement,
    onSuccess: () => refreshAfterAck(qc, ws, personaId),
  });
}

/** Undo an acknowledgement: the flag is open again on every report. */
export function useRemoveAcknowledgement(ws: string, personaId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (ackId: string) => api<null>("DELETE", ackPaths.one(ws, personaId, ackId)),
    onSuccess: () => refreshAfterAck(qc, ws, personaId),
  });
}
