"use client";
import { useMutation, useQuery } from "@tanstack/react-query";
import { api } from "@/lib/query/api";
import type { ArchetypeSuggestions, SuggestArchetypesBody } from "@/lib/schemas/preview";
import type { ProviderList } from "@/lib/schemas/provider";

export const providerKeys = { list: (ws: string) => ["providers", ws] as const };

export const useProviderList = (ws: string) =>
  useQuery({ queryKey: providerKeys.list(ws), queryFn: () => api<ProviderList>("GET", `/api/workspaces/${ws}/providers`) });

export const useSuggestArchetypes = (ws: string) =>
  useMutation({
    mutationFn: (body: SuggestArchetypesBody) =>
      api<ArchetypeSuggestions>("POST", `/api/workspaces/${ws}/archetypes/suggest`, body),
  });
