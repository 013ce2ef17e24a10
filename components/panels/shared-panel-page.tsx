import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { TimeAgo } from "@/components/ui/time-ago";
import { Avatar } from "@/components/share/avatar";
import { SectionNav, SharedFooter, SharedTopBar } from "@/components/share/shared-chrome";
import { Empty, PageSection } from "@/components/share/page-section";
import { SharedComments } from "@/components/share/shared-comments";
import { PanelReportView, type PanelReportViewProps } from "@/components/panels/report/panel-report-view";
import type { SharedPanelBundle } from "@/lib/schemas/panel-session";

// The page behind a panel's share link (issue 13 §1): the panel, its members
// (names, archetypes, seat labels), the declared opposites, the latest final
// panel report (read-only), and — when the link includes comments — the latest
// recorded preview with its threads. Everything comes from the bundle
// (lib/services/panels/panel-shares.ts), which holds no key, provider id or endpoint.

export function SharedPanelPage({ bundle }: { bundle: SharedPanelBundle }) {
  const { panel } = bundle;
  const sections = [
    { id: "members", label: "Members" },
    { id: "report", label: "Panel report" },
    ...(bundle.session ? [{ id: "session", label: "Recorded preview" }, { id: "comments", label: "Comments" }] : []),
  ];
  return (
    <div className="flex min-h-screen flex-col">
      <SharedTopBar sharedBy={bundle.sharedBy} sharedAt={bundle.sharedAt} expiresAt={bundle.expiresAt} />
      <main className="mx-auto w-full max-w-5xl flex-1 space-y-10 px-4 py-8 sm:px-6 lg:px-8 lg:py-10">
        <header className="space-y-3">
          <p className="text-xs font-semibold tracking-wide text-brand-600 uppercase">Panel</p>
          <h1 className="text-2xl font-semibold tracking-tight break-words text-slate-900 sm:text-3xl" data-testid="shared-panel-name">{panel.name}</h1>
          {panel.description ? <p className="max-w-3xl text-base text-slate-600">{panel.description}</p> : null}
          <SectionNav sections={sections} />
        </header>

        <PageSection id="members" title="Members" description={`${bundle.members.length} member${bundle.members.length === 1 ? "" : "s"}, each on its own seat`}>
          <ul className="grid gap-3 sm:grid-cols-2">
            {bundle.members.map((m) => (
              <li key={m.key}>
                <Card className="flex items-start gap-3 px-4 py-3">
                  <Avatar name={m.name} className="h-9 w-9 text-sm" />
                  <div className="min-w-0">
                    <p className="font-medium text-slate-900">{m.name}</p>
                    {m.archetype ? <p className="text-sm text-slate-600">{m.archetype}</p> : null}
                    <p className="mt-1 text-xs text-slate-500">{m.seatLabel}</p>
                  </div>
                </Card>
              </li>
            ))}
          </ul>
          {bundle.polarityPairs.length ? (
            <div className="space-y-1 pt-2">
              <h3 className="text-sm font-semibold text-slate-800">Declared opposites</h3>
              <ul className="space-y-1 text-sm text-slate-600">
                {bundle.polarityPairs.map((p, i) => (
                  <li key={i}>
                    <b className="font-medium text-slate-800">{p.a}</b> vs <b className="font-medium text-slate-800">{p.b}</b> on {p.axis}
                    {p.direction ? ` (${p.direction === "a_higher" ? p.a : p.b} higher)` : ""}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
        </PageSection>

        <PageSection id="report" title="Panel report" description={bundle.report?.finishedAt ? <>Finished <TimeAgo iso={bundle.report.finishedAt} /></> : undefined}>
          {bundle.report ? (
            <PanelReportView
              report={bundle.report.report as PanelReportViewProps["report"]}
              run={bundle.report.run as PanelReportViewProps["run"]}
              readOnly
            />
          ) : (
            <Empty>No finished panel report yet.</Empty>
          )}
        </PageSection>

        {bundle.session ? <SharedSession session={bundle.session} /> : null}
        {bundle.session ? <SharedComments threads={bundle.session.comments} /> : null}
      </main>
      <SharedFooter />
    </div>
  );
}

function SharedSession({ session }: { session: NonNullable<SharedPanelBundle["session"]> }) {
  const rounds = [1, 2].filter((r) => session.answers.some((a) => a.round === r));
  return (
    <PageSection id="session" title="Recorded preview" description={<>“{session.question}” · <TimeAgo iso={session.createdAt} /></>}>
      {rounds.map((r) => (
        <div key={r} className="space-y-2">
          <h3 className="text-sm font-semibold text-slate-800">{r === 1 ? "First answers" : "Cross-examination"}</h3>
          <div className="grid gap-3 md:grid-cols-2">
            {session.answers.filter((a) => a.round === r).map((a) => (
              <Card key={a.id} className="space-y-2 px-4 py-3">
                <div className="flex flex-wrap items-center gap-2 text-xs">
                  <span className="font-semibold text-slate-900">{a.memberName}</span>
                  <span className="text-slate-500">{a.seatLabel}</span>
                  {a.simulated ? <Badge tone="amber">simulator</Badge> : null}
                </div>
                {a.error ? <p className="text-sm text-red-700">This answer failed.</p> : <p className="text-sm whitespace-pre-wrap text-slate-700">{a.answer}</p>}
              </Card>
            ))}
          </div>
        </div>
      ))}
    </PageSection>
  );
}
