"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/query/api";
import { keys } from "@/lib/query/hooks";
import { reviewKeys } from "@/lib/query/review-hooks";
import type { VersionLabel } from "@/lib/schemas/labels";

// A persona's version labels. A move or removal refreshes the labels, the
// persona list (its rows show them) and the activity trail (it records them).

export const labelKeys = {
  list: (ws: string, id: string) => ["personas", ws, "detail", id, "labels"] as const,
};

export const labelPaths = {
  list: (ws: string, id: string) => `/api/workspaces/${ws}/personas/${id}/labels`,
  one: (ws: string, id: string, name: string) => `/api/workspaces/${ws}/personas/${id}/labels/${encodeURIComponent(name)}`,
};

export const useLabels = (ws: string, id: string) =>
  useQuery({ queryKey: labelKeys.list(ws, id), queryFn: () => api<VersionLabel[]>("GET", labelPaths.list(ws, id)) });

function useRefresh(ws: string, id: string) {
  const qc = useQueryClient();
  return () => Promise.all([
    qc.invalidateQueries({ queryKey: labelKeys.list(ws, id) }),
    qc.invalidateQueries({ queryKey: [...keys.personas(ws), "list"] }),
    qc.invalidateQueries({ queryKey: reviewKeys.activity(ws, id) }),
  ]);
}

export function useMoveLabel(ws: string, id: string) {
  const refresh = useRefresh(ws, id);
  return useMutation({
    mutationFn: ({ name, version }: { name: string; version: number }) => api<VersionLabel>("PUT", labelPaths.one(ws, id, name), { version }),
    onSuccess: refresh,
  });
}

export function useRemoveLabel(ws: string, id: string) {
  const refresh = useRefresh(ws, id);
  return useMutation({
    mutationFn: (name: string) => api<void>("DELETE", labelPaths.one(ws, id, name)),
    onSuccess: refresh,
  });
}
