"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/query/api";
import { useIdempotentPost } from "@/lib/query/idempotent-post";
import type { ProviderInfo, ProviderList, TestResult } from "@/lib/schemas/provider";

// Model provider settings: the list (with the workspace default) and the owner's changes.

export const providerKeys = {
  list: (ws: string) => ["providers", ws] as const,
};

export const providerPaths = {
  list: (ws: string) => `/api/workspaces/${ws}/providers`,
  one: (ws: string, id: string) => `/api/workspaces/${ws}/providers/${id}`,
  test: (ws: string) => `/api/workspaces/${ws}/providers/test`,
  default: (ws: string) => `/api/workspaces/${ws}/providers/default`,
};

/** Prices: US$ per million tokens; null = unknown. A typed value that is not a number is sent as typed, for the server to name. */
export type ProviderPriceInput = { inputPricePerM?: number | string | null; outputPricePerM?: number | string | null };
export type CreateProviderInput = { name: string; preset: string; baseUrl: string; apiKey?: string; defaultModel: string } & ProviderPriceInput;
/** apiKey: absent keeps the stored key, null removes it. */
export type UpdateProviderInput = { name?: string; baseUrl?: string; apiKey?: string | null; defaultModel?: string } & ProviderPriceInput;
export type TestProviderInput = { baseUrl: string; apiKey?: string; providerId?: string };

export const useProviders = (ws: string) =>
  useQuery({ queryKey: providerKeys.list(ws), queryFn: () => api<ProviderList>("GET", providerPaths.list(ws)) });

export function useProviderMutations(ws: string) {
  const qc = useQueryClient();
  const done = () => qc.invalidateQueries({ queryKey: providerKeys.list(ws) });
  const post = useIdempotentPost();
  return {
    create: useMutation({
      mutationFn: (body: CreateProviderInput) => post<ProviderInfo>(providerPaths.list(ws), body),
      onSuccess: done,
    }),
    update: useMutation({
      mutationFn: ({ id, ...body }: UpdateProviderInput & { id: string }) => api<ProviderInfo>("PATCH", providerPaths.one(ws, id), body),
      onSuccess: done,
    }),
    remove: useMutation({ mutationFn: (id: string) => api<void>("DELETE", providerPaths.one(ws, id)), onSuccess: done }),
    setDefault: useMutation({
      mutationFn: (body: { providerId: string; model: string }) => api<ProviderList>("PUT", providerPaths.default(ws), body),
      onSuccess: (data) => qc.setQueryData(providerKeys.list(ws), data),
    }),
  };
}

/** "Test connection": changes nothing, so nothing to invalidate. A failed connection is data (ok:false), not an error. */
export const useTestProvider = (ws: string) =>
  useMutation({ mutationFn: (body: TestProviderInput) => api<TestResult>("POST", providerPaths.test(ws), body) });
