import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { TimeAgo } from "@/components/ui/time-ago";
import { Avatar } from "@/components/share/avatar";
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
      <TopBar bundle={bundle} />
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
          <nav aria-label="On this page" className="flex flex-wrap gap-2 pt-1">
            {sections.map((s) => (
              <a key={s.id} href={`#${s.id}`} className="rounded-full border border-slate-200 bg-white px-3 py-1 text-xs font-medium text-slate-600 shadow-sm hover:border-brand-200 hover:text-brand-700">
                {s.label}
              </a>
            ))}
          </nav>
        </header>

        <SharedSamples samples={bundle.samples} personaName={persona.name} />
        <SharedReport token={token} run={bundle.report} />
        <SharedSpec spec={bundle.spec} reportRows={bundle.report?.report.rows} />
        <SharedPrompt prompt={bundle.compiledPrompt} handWritten={bundle.spec.promptOverride !== null} />
        {bundle.comments ? <SharedComments threads={bundle.comments} /> : null}
      </main>
      <footer className="border-t border-slate-200 bg-white">
        <div className="mx-auto flex max-w-5xl items-center justify-between gap-4 px-4 py-5 text-xs text-slate-500 sm:px-6 lg:px-8">
          <span>A read-only snapshot. Nothing here can be edited.</span>
          <Link href="/" className="inline-flex items-center gap-1.5 font-medium text-slate-600 hover:text-brand-700">
            <Logo /> Made with Persona Studio
          </Link>
        </div>
      </footer>
    </div>
  );
}

function TopBar({ bundle }: { bundle: ShareBundle }) {
  return (
    <div className="border-b border-slate-200 bg-white/90 backdrop-blur">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2.5 text-xs sm:px-6 lg:px-8">
        <span className="inline-flex items-center gap-1.5 font-semibold text-slate-900"><Logo /> Persona Studio</span>
        <span className="text-slate-300" aria-hidden>·</span>
        <span className="rounded-full bg-slate-100 px-2 py-0.5 font-medium text-slate-600">shared read-only</span>
        <span className="text-slate-500 sm:ml-auto">
          Shared by <b className="font-medium text-slate-700">{bundle.sharedBy}</b> <TimeAgo iso={bundle.sharedAt} />
          {bundle.expiresAt ? <> · link expires <TimeAgo iso={bundle.expiresAt} /></> : null}
        </span>
      </div>
    </div>
  );
}

function Logo() {
  // A 16px static svg: nothing for next/image to optimise.
  return <img src="/icon.svg" alt="" width={16} height={16} className="h-4 w-4" />;
}
