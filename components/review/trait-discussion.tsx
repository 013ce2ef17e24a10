"use client";
import { useState } from "react";
import { Section } from "@/components/ui/card";
import { Select } from "@/components/ui/field";
import { CommentComposer } from "@/components/review/comment-composer";
import { CommentThreadView } from "@/components/review/comment-thread";
import { useComments } from "@/lib/query/review-hooks";

// Comments on traits, right under the report that measured them: threads
// anchored to a trait of this run's version (the draft's when it probed the
// draft), and a composer that starts one about any trait in the report.

export function TraitDiscussion({
  workspaceId, personaId, version, traits, canComment,
}: { workspaceId: string; personaId: string; version: number | null; traits: { key: string; name: string }[]; canComment: boolean }) {
  const comments = useComments(workspaceId, personaId);
  const [trait, setTrait] = useState(traits[0]?.key ?? "");
  const threads = (comments.data ?? []).filter((t) => t.anchor.kind === "trait" && t.anchor.version === version && traits.some((x) => x.key === t.anchor.key));
  return (
    <Section
      id="discussion"
      title="Discussion"
      description={`Comments on the traits of ${version ? `v${version}` : "the draft"}; they also appear on the version's review page and in mentions.`}
    >
      {threads.length === 0 ? <p className="text-sm text-slate-500">No comments on these traits yet.</p> : null}
      <div className="space-y-3">
        {threads.map((t) => <CommentThreadView key={t.id} workspaceId={workspaceId} personaId={personaId} thread={t} canComment={canComment} />)}
      </div>
      {canComment && traits.length ? (
        <div className="space-y-2 border-t border-slate-100 pt-4">
          <div className="flex items-center gap-2 text-sm">
            <label htmlFor="discuss-trait" className="text-slate-500">About</label>
            <Select id="discuss-trait" value={trait} onChange={(e) => setTrait(e.target.value)} className="w-auto">
              {traits.map((t) => <option key={t.key} value={t.key}>{t.name}</option>)}
            </Select>
          </div>
          <CommentComposer key={trait} workspaceId={workspaceId} personaId={personaId} anchor={{ kind: "trait", key: trait, version }} placeholder={`What about ${traits.find((t) => t.key === trait)?.name ?? "this trait"}? (Markdown, @ to mention)`} />
        </div>
      ) : null}
    </Section>
  );
}
