"use client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/query/api";
import { useIdempotentPost } from "@/lib/query/idempotent-post";
import type { MeasuredCorrelations } from "@/lib/schemas/coherence";
import type { ProbeRun } from "@/lib/schemas/probe";
import type { CreateVariantBody, ProbeVariantsBody, Variant, VariantBatch } from "@/lib/schemas/variant";
import type { PersonaSpec } from "@/lib/schemas/persona";
import { isActive, POLL_MS } from "@/lib/query/probe-hooks";

// Measured correlations for the coherence check, variants, and variant batches
// (polled while any of their runs is still going).

const P = (ws: string, id: string) => `/api/workspaces/${ws}/personas/${id}`;

export const composerKeys = {
  measured: (ws: string, traits: string, personaId?: string) => ["measured-correlations", ws, traits, personaId ?? null] as const,
  variants: (ws: string, id: string) => ["variants", ws, id] as const,
  variant: (ws: string, variantId: string) => ["variants", ws, "one", variantId] as const,
  batch: (ws: string, id: string, batchId: string) => ["variants", ws, id, "batch", batchId] as const,
};

/** Per persona and model; the persona being edited (`personaId`) comes first. */
export const useMeasuredCorrelations = (ws: string, traits: string[], personaId?: string) => {
  const key = [...new Set(traits)].sort().join(",");
  const persona = personaId ? `&personaId=${encodeURIComponent(personaId)}` : "";
  return useQuery({
    queryKey: composerKeys.measured(ws, key, personaId),
    queryFn: () => api<MeasuredCorrelations>("GET", `/api/workspaces/${ws}/measured-correlations?traits=${encodeURIComponent(key)}${persona}`),
    enabled: key.split(",").length >= 2,
    staleTime: 60_000,
  });
};

export const useVariants = (ws: string, id: string) =>
  useQuery({ queryKey: composerKeys.variants(ws, id), queryFn: () => api<Variant[]>("GET", `${P(ws, id)}/variants`) });

export const useVariant = (ws: string, variantId: string) =>
  useQuery({ queryKey: composerKeys.variant(ws, variantId), queryFn: () => api<Variant>("GET", `/api/workspaces/${ws}/variants/${variantId}`) });

export function useVariantMutations(ws: string, id: string) {
  const qc = useQueryClient();
  const refresh = () => qc.invalidateQueries({ queryKey: ["variants", ws] });
  const post = useIdempotentPost();
  const postProbe = useIdempotentPost();
  return {
    create: useMutation({ mutationFn: (body: CreateVariantBody) => post<Variant>(`${P(ws, id)}/variants`, body), onSuccess: refresh }),
    update: useMutation({
      mutationFn: ({ variantId, ...body }: { variantId: string; revision: number; name?: string; spec?: PersonaSpec }) => api<Variant>("PATCH", `/api/workspaces/${ws}/variants/${variantId}`, body),
      onSuccess: refresh,
    }),
    remove: useMutation({ mutationFn: (variantId: string) => api<null>("DELETE", `/api/workspaces/${ws}/variants/${variantId}`), onSuccess: refresh }),
    probe: useMutation({ mutationFn: (body: ProbeVariantsBody) => postProbe<{ batchId: string; runs: ProbeRun[] }>(`${P(ws, id)}/variant-probes`, body) }),
  };
}

export const useVariantBatch = (ws: string, id: string, batchId: string) =>
  useQuery({
    queryKey: composerKeys.batch(ws, id, batchId),
    queryFn: () => api<VariantBatch>("GET", `${P(ws, id)}/variant-probes/${batchId}`),
    refetchInterval: (q) => (q.state.data && q.state.data.runs.some((r) => isActive(r.status)) ? POLL_MS : false),
  });
