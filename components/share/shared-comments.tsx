import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { TimeAgo } from "@/components/ui/time-ago";
import { Markdown } from "@/components/review/markdown";
import { Avatar } from "@/components/share/avatar";
import { Empty, PageSection } from "@/components/share/page-section";
import type { SharedComment as Comment, SharedCommentThread as CommentThread } from "@/lib/schemas/share";

// The version's comment threads, shown only when the link was made with them.
// Bodies are members' markdown, rendered by the safe renderer (no raw HTML,
// no images, checked URLs).

export function SharedComments({ threads }: { threads: CommentThread[] }) {
  const open = threads.filter((t) => !t.resolvedAt).length;
  return (
    <PageSection
      id="comments"
      title="Comments"
      description={threads.length ? `${threads.length} thread${threads.length === 1 ? "" : "s"}, ${open} open` : undefined}
    >
      {threads.length === 0 ? (
        <Empty>No comments on this version.</Empty>
      ) : (
        <ul className="space-y-4" aria-label="Comment threads">
          {threads.map((t) => (
            <li key={t.id}>
              <Card className="overflow-hidden">
                <div className="flex flex-wrap items-center gap-2 border-b border-slate-100 bg-slate-50/70 px-4 py-2 text-xs text-slate-500">
                  <span>On <b className="font-medium text-slate-700">{t.anchor.label}</b></span>
                  {t.resolvedAt ? <Badge tone="green">Resolved</Badge> : <Badge tone="amber">Open</Badge>}
                  {t.replies.length ? <span className="ml-auto tabular-nums">{t.replies.length} repl{t.replies.length === 1 ? "y" : "ies"}</span> : null}
                </div>
                <div className="space-y-4 px-4 py-4">
                  <CommentBody comment={t} />
                  {t.replies.length ? (
                    <ol className="space-y-4 border-l-2 border-slate-100 pl-4 sm:ml-4" aria-label="Replies">
                      {t.replies.map((r) => <li key={r.id}><CommentBody comment={r} /></li>)}
                    </ol>
                  ) : null}
                  {t.resolvedAt ? (
                    <p className="text-xs text-slate-500">Resolved{t.resolvedBy ? ` by ${t.resolvedBy}` : ""} <TimeAgo iso={t.resolvedAt} /></p>
                  ) : null}
                </div>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </PageSection>
  );
}

function CommentBody({ comment }: { comment: Comment }) {
  return (
    <article className="flex gap-3">
      <Avatar name={comment.author.name} className="h-7 w-7 bg-slate-100 text-xs text-slate-600 ring-slate-200" />
      <div className="min-w-0 flex-1">
        <p className="text-xs text-slate-500">
          <span className="font-semibold text-slate-800">{comment.author.name}</span> · <TimeAgo iso={comment.createdAt} />
        </p>
        <Markdown source={comment.body} className="mt-1" />
      </div>
    </article>
  );
}
