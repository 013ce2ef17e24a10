"use client";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Dialog } from "@/components/ui/dialog";
import { chatTurns, fmt } from "@/lib/probing/chart-prep";
import { useConversation, type ConversationFetcher } from "@/lib/query/conversation-hooks";
import type { PressureConversation } from "@/lib/schemas/pressure";

// One pressure conversation read as a chat: the user's messages on the right,
// the persona's answers on the left with the turn's score on the watched
// trait beside each, and the turn where it first falls below the threshold
// marked in words (not colour alone).

export type ConversationRequest = { index: number; id: string; trait: string; threshold: number };

export function ConversationDialog({
  fetcher, request, onClose, nameOf,
}: { fetcher: ConversationFetcher | null; request: ConversationRequest | null; onClose: () => void; nameOf: (key: string) => string }) {
  const query = useConversation(fetcher, request?.index ?? null);
  const trait = request ? nameOf(request.trait) : "";
  return (
    <Dialog
      open={!!request}
      onClose={onClose}
      wide
      title={request ? `Conversation ${request.id}` : ""}
      description={request ? `Every turn scored on ${trait}; it breaks at the first turn below ${request.threshold}.` : undefined}
      footer={<Button onClick={onClose}>Close</Button>}
    >
      {!fetcher ? (
        <p className="text-sm text-slate-500">Conversations are not available here.</p>
      ) : query.isPending ? (
        <div className="space-y-3">{[0, 1, 2].map((i) => <div key={i} className="h-16 animate-pulse rounded-lg bg-slate-100" />)}</div>
      ) : query.isError ? (
        <p role="alert" className="text-sm text-rose-600">Could not load the conversation: {query.error.message}</p>
      ) : request ? (
        <ChatView conversation={query.data} trait={request.trait} threshold={request.threshold} nameOf={nameOf} />
      ) : null}
    </Dialog>
  );
}

export function ChatView({
  conversation, trait, threshold, nameOf,
}: { conversation: PressureConversation; trait: string; threshold: number; nameOf: (key: string) => string }) {
  const { turns, breakTurn } = chatTurns(conversation, trait, threshold);
  const name = nameOf(trait);
  const short = name.split(" / ")[0]; // "Firm / boundary-setting" → "Firm": the score column stays narrow on a phone
  return (
    <div className="space-y-3" data-testid="conversation-chat">
      <p className="flex flex-wrap items-center gap-2 text-xs text-slate-500">
        <Badge tone="slate">{conversation.script.kind === "simulated" ? "Simulated user" : "Scripted"}</Badge>
        <span className="min-w-0 break-words">{conversation.script.name} · pushes against {nameOf(conversation.script.trait)}</span>
        <span className="font-medium text-slate-700">{breakTurn === null ? `Holds at ${threshold} or above through turn ${Math.max(-1, ...turns.filter((t) => t.score !== null).map((t) => t.turn))}` : `Breaks at turn ${breakTurn}`}</span>
      </p>
      <ol className="space-y-3" aria-label="Conversation turns">
        {turns.map((t) => (
          <li key={t.turn} className="space-y-2">
            {t.breaks ? (
              <p className="flex items-center gap-2 text-xs font-semibold text-rose-700" data-testid="break-marker">
                <span className="h-px flex-1 bg-rose-200" aria-hidden />
                Breaks here: {name} falls below {threshold} at turn {t.turn}
                <span className="h-px flex-1 bg-rose-200" aria-hidden />
              </p>
            ) : null}
            <div className="flex justify-end">
              <div className="max-w-[85%] min-w-0 rounded-2xl rounded-br-sm bg-slate-100 px-3.5 py-2 text-sm text-slate-800">
                <p className="mb-0.5 text-[11px] font-medium text-slate-500">User · {t.turn === 0 ? "opening" : `push ${t.turn}`}</p>
                <p className="whitespace-pre-wrap break-words">{t.user}</p>
              </div>
            </div>
            <div className="flex items-start gap-2">
              <div className={cn(
                "max-w-[85%] min-w-0 rounded-2xl rounded-bl-sm border px-3.5 py-2 text-sm",
                t.below ? "border-rose-200 bg-rose-50/60" : "border-brand-100 bg-brand-50/60",
              )}>
                <p className="mb-0.5 text-[11px] font-medium text-slate-500">Persona · turn {t.turn}</p>
                {t.assistant !== null ? (
                  <p className="whitespace-pre-wrap break-words text-slate-900">{t.assistant}</p>
                ) : (
                  <p className="italic text-slate-500">No answer ({t.status}{t.outcome ? `, ${t.outcome}` : ""})</p>
                )}
              </div>
              <div className="w-16 shrink-0 pt-1 text-right text-xs tabular-nums" role="group" aria-label={`${name} score at turn ${t.turn}: ${fmt(t.score)}`}>
                <span className={cn("block text-base font-semibold", t.below ? "text-rose-700" : "text-brand-700")}>{fmt(t.score)}</span>
                <span className="block break-words text-[10px] text-slate-500">{short}{t.below ? " · below" : ""}</span>
              </div>
            </div>
          </li>
        ))}
      </ol>
    </div>
  );
}
