"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useIdempotentPost } from "@/lib/query/idempotent-post";
import type { Variant } from "@/lib/schemas/variant";

// "Try the requested-behaviour wording" (issue 14 §4): one click makes a
// variant of the persona with a targeted trait moved from the character's
// nature into a role requirement. The variants list refreshes after.

export const requestedWordingPath = (ws: string, personaId: string) => `/api/workspaces/${ws}/personas/${personaId}/variants/requested-wording`;

export function useRequestedWordingVariant(ws: string, personaId: string) {
  const qc = useQueryClient();
  const post = useIdempotentPost();
  return useMutation({
    mutationFn: (trait: string) => post<Variant>(requestedWordingPath(ws, personaId), { trait }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ["variants", ws] }),
  });
}
