"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Select } from "@/components/ui/field";
import { cn } from "@/components/ui/cn";
import { CommentComposer } from "@/components/review/comment-composer";
import { CommentThreadView } from "@/components/review/comment-thread";
import { FIELD_LABELS } from "@/lib/persona/field-labels";
import { useComments } from "@/lib/query/review-hooks";
import type { AnchorKind, CommentAnchorInput } from "@/lib/schemas/review";
import { findTrait, humanizeTraitKey } from "@/lib/traits/catalog";

// All threads about one version (and general ones), with a composer whose
// "About" picker anchors a new thread to the version, a field or a trait.
// Sample-answer threads are started from the answer itself. Threads come a page
// at a time, oldest first; past the first page, "Show more comments" loads the
// next (the trait and sample-answer cards share the same loaded pages).

type Filter = "open" | "resolved" | "all";
const FIELDS = Object.entries(FIELD_LABELS).filter(([k]) => !k.includes("."));

export function ThreadsPanel({
  workspaceId, personaId, version, traitKeys, canComment,
}: { workspaceId: string; personaId: string; version: number; traitKeys: string[]; canComment: boolean }) {
  const comments = useComments(workspaceId, personaId);
  const [filter, setFilter] = useState<Filter>("open");
  const [kind, setKind] = useState<AnchorKind>("version");
  const [key, setKey] = useState("");
  const relevant = (comments.data ?? []).filter((t) => t.anchor.version === version || t.anchor.kind === "persona");
  const shown = relevant.filter((t) => filter === "all" || (filter === "open" ? !t.resolvedAt : !!t.resolvedAt));
  const counts = { open: relevant.filter((t) => !t.resolvedAt).length, resolved: relevant.filter((t) => !!t.resolvedAt).length, all: relevant.length };
  const anchor: CommentAnchorInput =
    kind === "persona" ? { kind, version: null } : kind === "version" ? { kind, version } : { kind, key, version };
  const needsKey = kind === "field" || kind === "trait";

  return (
    <Card className="px-5 py-4" aria-label="Comments">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 className="text-sm font-semibold">Comments</h2>
        <div className="flex rounded-md border border-slate-200 p-0.5 text-xs" role="tablist">
          {(["open", "resolved", "all"] as const).map((f) => (
            <button key={f} role="tab" aria-selected={filter === f} onClick={() => setFilter(f)}
              className={cn("rounded px-2.5 py-1 capitalize", filter === f ? "bg-slate-900 text-white" : "text-slate-600 hover:bg-slate-100")}>
              {f} <span className="tabular-nums opacity-70">{counts[f]}</span>
            </button>
          ))}
        </div>
      </div>
      <div className="mt-3 space-y-3">
        {comments.isPending ? <div className="h-16 animate-pulse rounded-lg bg-slate-100" /> : null}
        {!comments.isPending && shown.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-200 px-4 py-5 text-center text-sm text-slate-500">
            {filter === "open" ? "No open threads on this version." : filter === "resolved" ? "Nothing resolved yet." : "No comments yet."}
          </p>
        ) : null}
        {shown.map((t) => <CommentThreadView key={t.id} workspaceId={workspaceId} personaId={personaId} thread={t} canComment={canComment} />)}
        {comments.hasNextPage ? (
          <div className="flex items-center justify-center gap-3 text-xs text-slate-500">
            <span>Showing the {comments.data?.length.toLocaleString("en-US")} oldest threads</span>
            <Button size="sm" onClick={() => void comments.fetchNextPage()} disabled={comments.isFetchingNextPage}>
              {comments.isFetchingNextPage ? "Loading…" : "Show more comments"}
            </Button>
          </div>
        ) : null}
      </div>
      {canComment ? (
        <div className="mt-4 space-y-2 border-t border-slate-100 pt-4">
          <div className="flex flex-wrap items-center gap-2 text-sm">
            <label htmlFor="comment-about" className="text-slate-500">About</label>
            <Select id="comment-about" value={kind} onChange={(e) => { setKind(e.target.value as AnchorKind); setKey(""); }} className="w-auto">
              <option value="version">This version (v{version})</option>
              <option value="field">A field…</option>
              <option value="trait">A trait…</option>
              <option value="persona">The persona in general</option>
            </Select>
            {kind === "field" ? (
              <Select aria-label="Field" value={key} onChange={(e) => setKey(e.target.value)} className="w-auto">
                <option value="">Pick a field</option>
                {FIELDS.map(([k, label]) => <option key={k} value={k}>{label}</option>)}
              </Select>
            ) : null}
            {kind === "trait" ? (
              <Select aria-label="Trait" value={key} onChange={(e) => setKey(e.target.value)} className="w-auto">
                <option value="">Pick a trait</option>
                {traitKeys.map((k) => <option key={k} value={k}>{findTrait(k)?.name ?? humanizeTraitKey(k)}</option>)}
              </Select>
            ) : null}
          </div>
          {needsKey && !key ? (
            <p className="text-xs text-slate-500">Pick the {kind} this comment is about.</p>
          ) : (
            <CommentComposer key={`${kind}:${key}`} workspaceId={workspaceId} personaId={personaId} anchor={anchor} />
          )}
        </div>
      ) : null}
    </Card>
  );
}
