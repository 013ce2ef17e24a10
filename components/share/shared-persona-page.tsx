import { Badge } from "@/components/ui/badge";
import { TimeAgo } from "@/components/ui/time-ago";
import { Avatar } from "@/components/share/avatar";
import { SectionNav, SharedFooter, SharedTopBar } from "@/components/share/shared-chrome";
import { SharedComments } from "@/components/share/shared-comments";
import { SharedPrompt } from "@/components/share/shared-prompt";
import { SharedReport } from "@/components/share/shared-report";
import { SharedSamples } from "@/components/share/shared-samples";
import { SharedSpec } from "@/components/share/shared-spec";
import type { ShareBundle } from "@/lib/schemas/share";

// The page behind a share link: one persona version, read-only, for people
// without an account. Everything on it comes from the bundle; there is no
// workspace navigation and no link into the studio but the footer's.

export function SharedPersonaPage({ bundle, token }: { bundle: ShareBundle; token: string }) {
  const { persona, version } = bundle;
  const sections = [
    { id: "samples", label: "Sample answers" },
    { id: "landing", label: "Where it lands" },
    { id: "persona", label: "The persona" },
    { id: "prompt", label: "System prompt" },
    ...(bundle.comments ? [{ id: "comments", label: "Comments" }] : []),
  ];
  return (
    <div className="flex min-h-screen flex-col">
      <SharedTopBar sharedBy={bundle.sharedBy} sharedAt={bundle.sharedAt} expiresAt={bundle.expiresAt} />
      <main className="mx-auto w-full max-w-5xl flex-1 space-y-10 px-4 py-8 sm:px-6 lg:px-8 lg:py-10">
        <header className="space-y-4">
          <div className="flex items-start gap-4">
            <Avatar name={persona.name} className="h-12 w-12 text-lg sm:h-14 sm:w-14 sm:text-xl" />
            <div className="min-w-0 space-y-1">
              <h1 className="text-2xl font-semibold tracking-tight break-words text-slate-900 sm:text-3xl" data-testid="shared-persona-name">{persona.name}</h1>
              {persona.archetype ? <p className="text-base leading-snug text-slate-600 sm:text-lg">{persona.archetype}</p> : null}
            </div>
          </div>
          <div className="flex flex-wrap items-center gap-2">
            <Badge tone={version.approved ? "green" : "brand"}>v{version.number}{version.approved ? " · approved" : ""}</Badge>
            <Badge tone={bundle.follows === "pinned" ? "slate" : "sky"}>{bundle.follows === "pinned" ? "pinned" : "latest"}</Badge>
            <span className="text-sm text-slate-500">saved by {version.author} <TimeAgo iso={version.createdAt} /></span>
          </div>
          {version.message ? (
            <blockquote className="border-l-4 border-brand-200 pl-4 text-sm text-slate-700">{version.message}</blockquote>
          ) : null}
          {bundle.follows === "pinned" && !version.latest ? (
            <p className="text-xs text-slate-500">This link is pinned to v{version.number}; the persona has newer versions that it does not show.</p>
          ) : null}
          <SectionNav sections={sections} />
        </header>

        <SharedSamples samples={bundle.samples} missing={bundle.samplesMissing} version={bundle.version.number} personaName={persona.name} />
        <SharedReport token={token} run={bundle.report} />
        <SharedSpec spec={bundle.spec} reportRows={bundle.report?.report.rows} />
        <SharedPrompt prompt={bundle.compiledPrompt} handWritten={bundle.spec.promptOverride !== null} />
        {bundle.comments ? <SharedComments threads={bundle.comments} /> : null}
      </main>
      <SharedFooter />
    </div>
  );
}
