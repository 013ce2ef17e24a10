"use client";
import { useMemo } from "react";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { TimeAgo } from "@/components/ui/time-ago";
import { FlagAckScopeProvider } from "@/components/probes/flag-ack-scope";
import { ReportView } from "@/components/probes/report-view";
import { Empty, PageSection } from "@/components/share/page-section";
import { traitNamer } from "@/components/share/trait-name";
import { sharedConversationFetcher } from "@/lib/query/conversation-hooks";
import { sharedAnswersFetcher } from "@/lib/query/share-hooks";
import type { ShareBundle } from "@/lib/schemas/share";

// The shared version's newest completed probe report, with the same charts
// and flags the studio shows. Drill-downs read the answers through the share
// link's public route, which only serves this report's answers. Flags the
// workspace acknowledged as expected for the persona show their reason only:
// the names of the people who acknowledged them stay in the workspace.

type SharedRun = NonNullable<ShareBundle["report"]>;

export function SharedReport({ token, run }: { token: string; run: SharedRun | null }) {
  return (
    <PageSection
      id="landing"
      title="Where it lands"
      description="Measured by probing: items that give each trait room to show, answers scored 0–100 by a judge model, compared with a neutral assistant."
    >
      {run ? <Report token={token} run={run} /> : <Empty>Not measured yet: this version has no completed probe report.</Empty>}
    </PageSection>
  );
}

function Report({ token, run }: { token: string; run: SharedRun }) {
  const nameOf = traitNamer(run.report.rows);
  const fetcher = useMemo(() => sharedAnswersFetcher(token, run.runId), [token, run.runId]);
  const conversations = useMemo(() => sharedConversationFetcher(token, run.runId), [token, run.runId]);
  const targets = Object.entries(run.targets);
  return (
    <div className="space-y-6">
      <Card className="px-5 py-4">
        {run.simulated ? (
          <p className="mb-3"><Badge tone="amber">Simulator — not a language model</Badge></p>
        ) : null}
        <dl className="grid gap-x-6 gap-y-1.5 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="text-slate-500">Model</dt>
          <dd className="min-w-0 break-words font-medium text-slate-900">{run.simulated ? `Simulator · ${run.model}` : run.label}</dd>
          <dt className="text-slate-500">Judge</dt>
          <dd className="min-w-0 break-words font-medium text-slate-900">{run.judgeModel}</dd>
          <dt className="text-slate-500">Targets</dt>
          <dd className="tabular-nums text-slate-700">{targets.length ? targets.map(([k, v]) => `${nameOf(k)} ${v}`).join(" · ") : "none"}</dd>
          {run.finishedAt ? (
            <>
              <dt className="text-slate-500">Measured</dt>
              <dd className="text-slate-700"><TimeAgo iso={run.finishedAt} /></dd>
            </>
          ) : null}
        </dl>
      </Card>
      {/* Public: a flag acknowledged as expected for the persona reads "Expected for this persona: <reason>", never who said so. */}
      <FlagAckScopeProvider value={{ audience: "public" }}>
        <ReportView run={{ id: run.runId, report: run.report, targets: run.targets }} answersFetcher={fetcher} conversationFetcher={conversations} />
      </FlagAckScopeProvider>
    </div>
  );
}
