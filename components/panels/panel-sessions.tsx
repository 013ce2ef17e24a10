"use client";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Section } from "@/components/ui/card";
import { TimeAgo } from "@/components/ui/time-ago";
import { useToast } from "@/components/ui/toast";
import { CommentComposer } from "@/components/review/comment-composer";
import { CommentThreadView } from "@/components/review/comment-thread";
import { useDeletePanelSession, usePanelComments, usePanelSession, usePanelSessions } from "@/lib/query/panel-session-hooks";
import type { PanelSession, PanelSessionAnswer } from "@/lib/schemas/panel-session";
import { useWorkspace } from "@/lib/query/hooks";
import { SIMULATOR_LABEL } from "@/lib/schemas/provider";
import { can } from "@/lib/schemas/workspace";
import type { CommentThread } from "@/lib/schemas/review";

// Recorded panel previews (issue 13 §3): the list, and one session read back —
// the question, the members' answers side by side per round (seat label; the
// simulator says it is one), and a comment thread under each answer.
// Reviewers and above comment; editors delete a recording.

export function PanelSessions({ workspaceId, panelId }: { workspaceId: string; panelId: string }) {
  const sessions = usePanelSessions(workspaceId, panelId);
  const role = useWorkspace(workspaceId)?.role ?? "viewer";
  const canComment = can.review(role);
  const canDelete = can.editPersona(role);
  const [openId, setOpenId] = useState<string | null>(null);
  return (
    <Section id="panel-sessions" title="Recorded previews" description="Previews kept with “Record this preview”: read them back and comment on a member's answer.">
      {sessions.isPending ? <div className="h-16 animate-pulse rounded-lg bg-slate-100" /> : null}
      {sessions.isError ? <p role="alert" className="text-sm text-rose-700">Could not load the recorded previews: {sessions.error.message}</p> : null}
      {sessions.data && sessions.data.length === 0 ? <p className="text-sm text-slate-500">Nothing recorded yet. Tick “Record this preview” before asking the panel.</p> : null}
      {sessions.data?.length ? (
        <ul className="divide-y divide-slate-100 rounded-lg border border-slate-200" aria-label="Recorded previews" data-testid="panel-sessions">
          {sessions.data.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center gap-2 px-3 py-2 text-sm">
              <button type="button" className="min-w-0 flex-1 truncate text-left font-medium text-slate-900 hover:text-brand-700" onClick={() => setOpenId(openId === s.id ? null : s.id)} aria-expanded={openId === s.id}>
                “{s.question}”
              </button>
              {s.crossExamine ? <Badge tone="sky">cross-examined</Badge> : null}
              {s.comments ? <Badge tone="amber">{s.comments} thread{s.comments === 1 ? "" : "s"}</Badge> : null}
              <span className="text-xs text-slate-500">{s.createdBy} · <TimeAgo iso={s.createdAt} /></span>
            </li>
          ))}
        </ul>
      ) : null}
      {openId ? <PanelSessionView key={openId} workspaceId={workspaceId} panelId={panelId} sessionId={openId} canComment={canComment} canDelete={canDelete} onDeleted={() => setOpenId(null)} /> : null}
    </Section>
  );
}

export function PanelSessionView({
  workspaceId, panelId, sessionId, canComment, canDelete, onDeleted,
}: { workspaceId: string; panelId: string; sessionId: string; canComment: boolean; canDelete: boolean; onDeleted: () => void }) {
  const session = usePanelSession(workspaceId, panelId, sessionId);
  const comments = usePanelComments(workspaceId, panelId, sessionId);
  const remove = useDeletePanelSession(workspaceId, panelId);
  const toast = useToast();
  if (session.isPending) return <div className="h-40 animate-pulse rounded-lg bg-slate-100" />;
  if (session.isError) return <p role="alert" className="text-sm text-rose-700">{session.error.message}</p>;
  const s: PanelSession = session.data;
  const rounds = ([1, 2] as const).filter((r) => s.answers.some((a) => a.round === r));
  const threadsOn = (a: PanelSessionAnswer): CommentThread[] => (comments.data ?? []).filter((t) => t.anchor.key === a.id);
  return (
    <div className="space-y-4 rounded-lg border border-slate-200 bg-slate-50/60 p-4" data-testid="panel-session">
      <div className="flex flex-wrap items-start gap-3">
        <div className="min-w-0 flex-1">
          <p className="text-xs font-medium text-slate-500">Question</p>
          <p className="text-sm font-medium whitespace-pre-wrap text-slate-900">{s.question}</p>
          <p className="mt-1 text-xs text-slate-500">Recorded by {s.createdBy} <TimeAgo iso={s.createdAt} />{s.panelVersion ? ` · panel v${s.panelVersion}` : ""}</p>
        </div>
        {canDelete ? (
          <Button
            size="sm" variant="ghost" disabled={remove.isPending}
            onClick={() => {
              if (!window.confirm("Delete this recorded preview and the comments on its answers?")) return;
              remove.mutate(s.id, { onSuccess: () => { toast("Recorded preview deleted"); onDeleted(); }, onError: (e) => toast(e.message, "error") });
            }}
          >
            Delete
          </Button>
        ) : null}
      </div>
      {rounds.map((r) => (
        <div key={r} className="space-y-2">
          <h3 className="text-sm font-semibold text-slate-800">{r === 1 ? "First answers" : "Cross-examination"}</h3>
          <ul className="grid grid-cols-[repeat(auto-fill,minmax(18rem,1fr))] gap-3" aria-label={r === 1 ? "First answers" : "Cross-examination answers"}>
            {s.answers.filter((a) => a.round === r).map((a) => (
              <li key={a.id} className="flex min-w-0 flex-col gap-2 rounded-lg border border-slate-200 bg-white p-3" data-testid="panel-session-answer" data-member={a.memberKey}>
                <div className="flex flex-wrap items-center justify-between gap-2">
                  <span className="text-sm font-medium text-slate-900">{a.memberName}</span>
                  {a.simulated ? <Badge tone="amber">{SIMULATOR_LABEL}</Badge> : null}
                </div>
                <p className="truncate text-xs text-slate-500" title={a.seatLabel}>{a.seatLabel.replace(`${SIMULATOR_LABEL} · `, "")}</p>
                {a.error ? <p className="text-sm text-rose-700" role="note">{a.error}</p> : <p className="text-sm whitespace-pre-wrap text-slate-700">{a.answer}</p>}
                <div className="space-y-2 border-t border-slate-100 pt-2">
                  {threadsOn(a).map((t) => (
                    <CommentThreadView key={t.id} workspaceId={workspaceId} personaId={a.personaId} panelId={panelId} thread={t} canComment={canComment} showAnchor={false} />
                  ))}
                  {canComment ? (
                    <CommentComposer workspaceId={workspaceId} personaId={a.personaId} panelId={panelId} anchor={{ kind: "panel_answer", key: a.id }} placeholder={`Comment on ${a.memberName}'s answer…`} />
                  ) : null}
                </div>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}
