"use client";
import { useQuery } from "@tanstack/react-query";
import { api } from "@/lib/query/api";
import { pressureConversationSchema, type PressureConversation } from "@/lib/schemas/pressure";

// One pressure conversation as a chat (issue 14): the studio reads it from the
// run's route, a share page from the link's public route. Like AnswersFetcher
// (share-hooks.ts), the report is handed a fetcher so it never needs to know
// which. Responses are parsed against the contract's schema.

export type ConversationFetcher = {
  key: (index: number) => readonly unknown[];
  fetch: (index: number, signal?: AbortSignal) => Promise<PressureConversation>;
};

export const conversationPaths = {
  // The run route (probe-operations getPressureConversation); a run id is enough inside a workspace.
  workspace: (ws: string, runId: string, index: number) => `/api/workspaces/${ws}/probe-runs/${runId}/conversations/${index}`,
  shared: (token: string, index: number) => `/api/share/${token}/conversations/${index}`,
};

const parsed = async (p: Promise<unknown>) => pressureConversationSchema.parse(await p);

export function workspaceConversationFetcher(ws: string, runId: string): ConversationFetcher {
  return {
    key: (index) => ["probe-runs", ws, "run", runId, "conversation", index] as const,
    fetch: (index, signal) => parsed(api("GET", conversationPaths.workspace(ws, runId, index), undefined, { signal })),
  };
}

export function sharedConversationFetcher(token: string, runId: string): ConversationFetcher {
  return {
    key: (index) => ["shared-conversation", runId, index] as const,
    fetch: (index, signal) => parsed(api("GET", conversationPaths.shared(token, index), undefined, { signal })),
  };
}

/** One conversation; idle while `index` is null. A finished conversation does not change, so it is cached. */
export function useConversation(fetcher: ConversationFetcher | null, index: number | null) {
  return useQuery({
    queryKey: fetcher && index !== null ? fetcher.key(index) : ["conversation", "idle"],
    queryFn: ({ signal }) => fetcher!.fetch(index!, signal),
    enabled: !!fetcher && index !== null,
    staleTime: 60_000,
  });
}
