"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/query/api";
import { useIdempotentPost } from "@/lib/query/idempotent-post";
import type { CustomTrait, CustomTraitDraft, DraftCustomTraitBody, SaveCustomTraitBody } from "@/lib/schemas/custom-trait";

// A workspace's custom traits: list (latest versions), per-key history, draft with the model, save as a new version.

export const customTraitKeys = {
  list: (ws: string) => ["custom-traits", ws] as const,
  versions: (ws: string, key: string) => ["custom-traits", ws, "versions", key] as const,
};

const base = (ws: string) => `/api/workspaces/${ws}/custom-traits`;

export const useCustomTraits = (ws: string) =>
  useQuery({ queryKey: customTraitKeys.list(ws), queryFn: () => api<CustomTrait[]>("GET", base(ws)) });

export const useCustomTraitVersions = (ws: string, key: string | null) =>
  useQuery({
    queryKey: customTraitKeys.versions(ws, key ?? ""),
    queryFn: () => api<CustomTrait[]>("GET", `${base(ws)}/${key}/versions`),
    enabled: !!key,
  });

export const useDraftCustomTrait = (ws: string) =>
  useMutation({ mutationFn: (body: DraftCustomTraitBody) => api<CustomTraitDraft>("POST", `${base(ws)}/draft`, body) });

export function useSaveCustomTrait(ws: string) {
  const qc = useQueryClient();
  const post = useIdempotentPost();
  return useMutation({
    mutationFn: (body: SaveCustomTraitBody) => post<CustomTrait>(base(ws), body),
    onSuccess: () => qc.invalidateQueries({ queryKey: customTraitKeys.list(ws) }),
  });
}
