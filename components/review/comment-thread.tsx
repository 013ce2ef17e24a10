"use client";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { TimeAgo } from "@/components/ui/time-ago";
import { Markdown } from "@/components/review/markdown";
import { CommentComposer, useMemberHandles } from "@/components/review/comment-composer";
import { Textarea } from "@/components/ui/field";
import { useMe } from "@/lib/query/hooks";
import { useEditComment, useResolveComment } from "@/lib/query/review-hooks";
import type { Comment, CommentThread } from "@/lib/schemas/review";

// One thread: what it is about, the comments, a reply box, resolve / reopen.

const ANCHOR_TONE = { persona: "slate", version: "brand", field: "sky", trait: "amber", sample: "green", panel_answer: "green", panel_member: "sky" } as const;

export function AnchorChip({ anchor }: { anchor: Comment["anchor"] }) {
  const kind = { persona: "General", version: "Version", field: "Field", trait: "Trait", sample: "Sample answer", panel_answer: "Answer", panel_member: "Member" }[anchor.kind];
  return (
    <Badge tone={ANCHOR_TONE[anchor.kind]} className="max-w-full">
      <span className="truncate">{anchor.kind === "persona" || anchor.kind === "version" ? kind : `${kind}: ${anchor.label.replace(/^Answer to /, "")}`}</span>
      {anchor.version && anchor.kind !== "version" ? <span className="opacity-70">· v{anchor.version}</span> : anchor.kind === "version" ? <span>v{anchor.version}</span> : null}
    </Badge>
  );
}

function Entry({ c, handles, mine, workspaceId, personaId }: { c: Comment; handles: string[]; mine: boolean; workspaceId: string; personaId: string }) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(c.body);
  const { edit, remove } = useEditComment(workspaceId, personaId);
  const error = edit.error?.message ?? remove.error?.message;
  return (
    <div className="group space-y-1" data-testid="comment">
      <div className="flex items-baseline gap-2 text-xs">
        <span className="flex h-5 w-5 shrink-0 items-center justify-center rounded-full bg-brand-100 text-[10px] font-bold text-brand-700" aria-hidden>
          {c.author.name.slice(0, 1).toUpperCase()}
        </span>
        <span className="font-semibold text-slate-900">{c.author.name}</span>
        <span className="text-slate-500"><TimeAgo iso={c.createdAt} />{c.editedAt ? " · edited" : ""}</span>
        {mine && !editing ? (
          <span className="ml-auto flex gap-2 opacity-60 group-hover:opacity-100">
            <button className="text-slate-500 hover:text-slate-900" onClick={() => { setDraft(c.body); setEditing(true); }}>Edit</button>
            <button className="text-slate-500 hover:text-rose-700" disabled={remove.isPending} onClick={() => { if (window.confirm("Delete this comment?")) remove.mutate(c.id); }}>Delete</button>
          </span>
        ) : null}
      </div>
      {editing ? (
        <div className="space-y-2 pl-7">
          <Textarea aria-label="Edit comment" value={draft} rows={3} onChange={(e) => setDraft(e.target.value)} />
          <div className="flex gap-2">
            <Button size="sm" variant="primary" disabled={!draft.trim() || edit.isPending} onClick={() => edit.mutate({ commentId: c.id, body: draft }, { onSuccess: () => setEditing(false) })}>Save</Button>
            <Button size="sm" variant="ghost" onClick={() => setEditing(false)}>Cancel</Button>
          </div>
        </div>
      ) : (
        <Markdown source={c.body} handles={handles} className="pl-7 text-sm" />
      )}
      {error ? <p role="alert" className="pl-7 text-xs text-rose-600">{error}</p> : null}
    </div>
  );
}

export function CommentThreadView({
  workspaceId, personaId, panelId, thread, canComment, showAnchor = true,
}: { workspaceId: string; personaId: string; /** A panel's thread: replies go to the panel. */ panelId?: string; thread: CommentThread; canComment: boolean; showAnchor?: boolean }) {
  const [replying, setReplying] = useState(false);
  const resolve = useResolveComment(workspaceId, personaId);
  const handles = useMemberHandles(workspaceId).map((m) => m.handle);
  const me = useMe().data?.user.id;
  const resolved = thread.resolvedAt !== null;
  return (
    <article
      className={cn("rounded-lg border px-4 py-3", resolved ? "border-slate-200 bg-slate-50/70" : "border-slate-200 bg-white shadow-sm")}
      data-testid="comment-thread"
      aria-label={`Thread by ${thread.author.name}`}
    >
      {showAnchor || resolved ? (
        <div className="mb-2 flex flex-wrap items-center gap-2">
          {showAnchor ? <AnchorChip anchor={thread.anchor} /> : null}
          {resolved ? <span className="text-xs text-emerald-700">✓ Resolved by {thread.resolvedBy}</span> : null}
        </div>
      ) : null}
      <div className={cn("space-y-3", resolved && "opacity-80")}>
        <Entry c={thread} handles={handles} mine={canComment && thread.author.id === me} workspaceId={workspaceId} personaId={personaId} />
        {thread.replies.map((r) => (
          <div key={r.id} className="border-l-2 border-slate-100 pl-3">
            <Entry c={r} handles={handles} mine={canComment && r.author.id === me} workspaceId={workspaceId} personaId={personaId} />
          </div>
        ))}
      </div>
      {canComment ? (
        <div className="mt-3">
          {replying ? (
            <CommentComposer workspaceId={workspaceId} personaId={personaId} panelId={panelId} parentId={thread.id} autoFocus submitLabel="Reply" placeholder="Reply…" onDone={() => setReplying(false)} />
          ) : (
            <div className="flex gap-1">
              <Button size="sm" variant="ghost" onClick={() => setReplying(true)}>Reply</Button>
              <Button size="sm" variant="ghost" disabled={resolve.isPending} onClick={() => resolve.mutate({ commentId: thread.id, resolved: !resolved })}>
                {resolved ? "Reopen" : "Resolve"}
              </Button>
            </div>
          )}
        </div>
      ) : null}
    </article>
  );
}
