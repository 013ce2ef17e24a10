"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/query/api";
import { useIdempotentPost } from "@/lib/query/idempotent-post";
import type { ApiToken, CreateApiTokenBody, CreatedApiToken } from "@/lib/schemas/api-token";

// A workspace's API tokens (owners only). The created token is returned once
// and never cached: it lives in the section's state until the owner closes it.

export const apiTokenKeys = {
  list: (ws: string) => ["api-tokens", ws] as const,
};

export const apiTokenPaths = {
  list: (ws: string) => `/api/workspaces/${ws}/api-tokens`,
  revoke: (ws: string, id: string) => `/api/workspaces/${ws}/api-tokens/${id}/revoke`,
};

export const useApiTokens = (ws: string, enabled = true) =>
  useQuery({ queryKey: apiTokenKeys.list(ws), queryFn: () => api<ApiToken[]>("GET", apiTokenPaths.list(ws)), enabled });

export function useCreateApiToken(ws: string) {
  const qc = useQueryClient();
  // No Idempotency-Key: the server would have to store the answer, and it holds the token itself.
  const post = useIdempotentPost({ keyHeader: false });
  return useMutation({
    mutationFn: (body: CreateApiTokenBody) => post<CreatedApiToken>(apiTokenPaths.list(ws), body),
    onSuccess: () => qc.invalidateQueries({ queryKey: apiTokenKeys.list(ws) }),
  });
}

export function useRevokeApiToken(ws: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<ApiToken>("POST", apiTokenPaths.revoke(ws, id)),
    onSuccess: () => qc.invalidateQueries({ queryKey: apiTokenKeys.list(ws) }),
  });
}
