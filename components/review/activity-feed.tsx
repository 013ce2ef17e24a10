"use client";
import { Card } from "@/components/ui/card";
import { TimeAgo } from "@/components/ui/time-ago";
import { useActivity } from "@/lib/query/review-hooks";
import type { Activity } from "@/lib/schemas/review";

// The persona's story: edits (folded), versions, probes, comments, decisions, shares.

const ICON: Record<Activity["kind"], string> = {
  created: "✦", edited: "✎", version_saved: "◆", restored: "↺", archived: "▣", unarchived: "▢", probe_started: "◎",
  samples_recorded: "❝", review_requested: "?", approved: "✓", changes_requested: "!", commented: "”",
  comment_resolved: "✓", comment_reopened: "↺", share_created: "↗", share_revoked: "×",
  flag_acknowledged: "≈", flag_unacknowledged: "↺", label_moved: "⚑", label_removed: "⚐",
  imported: "⇣",
};
const TONE: Partial<Record<Activity["kind"], string>> = {
  approved: "bg-emerald-100 text-emerald-700", changes_requested: "bg-amber-100 text-amber-800", version_saved: "bg-brand-100 text-brand-700",
  review_requested: "bg-sky-100 text-sky-700", share_revoked: "bg-rose-100 text-rose-700",
};

export function ActivityFeed({ workspaceId, personaId, limit = 30 }: { workspaceId: string; personaId: string; limit?: number }) {
  const activity = useActivity(workspaceId, personaId);
  const rows = (activity.data ?? []).slice(0, limit);
  return (
    <Card className="px-5 py-4" aria-label="Activity">
      <h2 className="text-sm font-semibold">Activity</h2>
      {activity.isPending ? <div className="mt-3 h-24 animate-pulse rounded-lg bg-slate-100" /> : null}
      {activity.data?.length === 0 ? <p className="mt-2 text-sm text-slate-500">Nothing yet.</p> : null}
      <ol className="mt-3 space-y-2.5">
        {rows.map((a) => (
          <li key={a.id} className="flex gap-2.5 text-sm" data-testid="activity">
            <span aria-hidden className={`mt-0.5 flex h-5 w-5 shrink-0 items-center justify-center rounded-full text-[10px] ${TONE[a.kind] ?? "bg-slate-100 text-slate-600"}`}>{ICON[a.kind]}</span>
            <p className="min-w-0 leading-snug text-slate-700">
              <b className="font-medium text-slate-900">{a.actor.name}</b> {a.summary}
              {a.count > 1 ? <span className="text-slate-500"> ({a.count} saves)</span> : null}
              <span className="block text-xs text-slate-500"><TimeAgo iso={a.updatedAt} /></span>
            </p>
          </li>
        ))}
      </ol>
      {(activity.data?.length ?? 0) > limit ? <p className="mt-2 text-xs text-slate-500">and {(activity.data?.length ?? 0) - limit} earlier events</p> : null}
    </Card>
  );
}
