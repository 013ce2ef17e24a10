"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/lib/query/api";
import { probePaths } from "@/lib/query/probe-hooks";
import type { ProbeAnswer } from "@/lib/schemas/probe";
import type { AnswerRationale } from "@/lib/schemas/rationale";

// "Why this score?": asks the run's judge once per answer. The answer lists
// already loaded get the rationale too, so reopening the dialog shows it at once.

export const rationalePath = (ws: string, runId: string, answerId: string) => `${probePaths.answers(ws, runId)}/${answerId}/rationale`;

export function useAnswerRationale(ws: string, runId: string, answerId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<AnswerRationale>("POST", rationalePath(ws, runId, answerId)),
    onSuccess: (data) => {
      qc.setQueriesData<ProbeAnswer[]>({ queryKey: ["probe-runs", ws, "run", runId, "answers"] }, (old) =>
        old?.map((a) => (a.id === answerId ? { ...a, rationale: data.rationale } : a)));
    },
  });
}
