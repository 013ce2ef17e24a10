"use client";
import { useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/field";
import { useMembers } from "@/lib/query/hooks";
import { ApiError } from "@/lib/query/api";
import { useCreateComment } from "@/lib/query/review-hooks";
import { mentionHandle, mentionQuery } from "@/lib/review/mentions";
import type { CommentAnchorInput } from "@/lib/schemas/review";
import type { CreatePanelCommentBody } from "@/lib/schemas/panel-session";

type PanelCommentAnchor = NonNullable<CreatePanelCommentBody["anchor"]>;

// Writes a comment (a new thread about `anchor`, or a reply to `parentId`).
// Markdown; typing @ offers the workspace's members and inserts their handle.

export function useMemberHandles(workspaceId: string) {
  const members = useMembers(workspaceId);
  return useMemo(
    () => (members.data ?? []).map((m) => ({ name: m.name, handle: mentionHandle(m.email), role: m.role })),
    [members.data],
  );
}

export function CommentComposer({
  workspaceId, personaId, panelId, anchor, parentId, placeholder = "Write a comment… (Markdown, @ to mention)", autoFocus, onDone, submitLabel = "Comment",
}: {
  /** With `panelId` the comment goes to the panel's threads (anchor: a recorded answer or a member). */
  workspaceId: string; personaId: string; panelId?: string; anchor?: CommentAnchorInput | PanelCommentAnchor; parentId?: string; placeholder?: string;
  autoFocus?: boolean; onDone?: () => void; submitLabel?: string;
}) {
  const create = useCreateComment(workspaceId, personaId, panelId);
  const members = useMemberHandles(workspaceId);
  const [body, setBody] = useState("");
  const [query, setQuery] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const ref = useRef<HTMLTextAreaElement>(null);
  const matches = query === null ? [] : members.filter((m) => m.handle.startsWith(query.toLowerCase()) || m.name.toLowerCase().startsWith(query.toLowerCase())).slice(0, 6);

  function onChange(value: string, caret: number) {
    setBody(value);
    setQuery(mentionQuery(value.slice(0, caret)));
  }

  function insert(handle: string) {
    const el = ref.current;
    const caret = el?.selectionStart ?? body.length;
    const before = body.slice(0, caret).replace(/@[^\s@]*$/, `@${handle} `);
    const next = before + body.slice(caret);
    setBody(next);
    setQuery(null);
    requestAnimationFrame(() => { el?.focus(); el?.setSelectionRange(before.length, before.length); });
  }

  function submit() {
    if (!body.trim()) return;
    setError(null);
    create.mutate((parentId ? { body, parentId } : { body, anchor }) as Parameters<typeof create.mutate>[0], {
      onSuccess: () => { setBody(""); onDone?.(); },
      onError: (e) => setError(e instanceof ApiError && e.field ? `${e.message}` : e.message),
    });
  }

  return (
    <div className="relative space-y-2">
      <Textarea
        ref={ref}
        aria-label={parentId ? "Reply" : "Comment"}
        value={body}
        placeholder={placeholder}
        autoFocus={autoFocus}
        rows={parentId ? 2 : 3}
        onChange={(e) => onChange(e.target.value, e.target.selectionStart)}
        onKeyDown={(e) => {
          if (matches.length && (e.key === "Enter" || e.key === "Tab")) { e.preventDefault(); insert(matches[0].handle); }
          else if (e.key === "Escape" && query !== null) setQuery(null);
          else if (e.key === "Enter" && (e.metaKey || e.ctrlKey)) { e.preventDefault(); submit(); }
        }}
      />
      {matches.length ? (
        <ul role="listbox" aria-label="Mention a member" className="absolute left-2 top-full z-30 -mt-1 w-64 overflow-hidden rounded-md border border-slate-200 bg-white py-1 text-sm shadow-lg">
          {matches.map((m) => (
            <li key={m.handle}>
              <button type="button" role="option" aria-selected={false} onMouseDown={(e) => { e.preventDefault(); insert(m.handle); }} className="flex w-full items-baseline gap-2 px-3 py-1.5 text-left hover:bg-brand-50">
                <span className="font-medium text-slate-900">{m.name}</span>
                <span className="text-xs text-slate-500">@{m.handle} · {m.role}</span>
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      {error ? <p role="alert" className="text-xs text-rose-600">{error}</p> : null}
      <div className="flex items-center justify-between gap-2">
        <span className="text-[11px] text-slate-500">Markdown · @name mentions · Ctrl+Enter to send</span>
        <div className="flex gap-2">
          {onDone ? <Button size="sm" variant="ghost" onClick={onDone}>Cancel</Button> : null}
          <Button size="sm" variant="primary" disabled={!body.trim() || create.isPending} onClick={submit}>{create.isPending ? "Sending…" : submitLabel}</Button>
        </div>
      </div>
    </div>
  );
}
