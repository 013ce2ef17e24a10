import Link from "next/link";
import { TimeAgo } from "@/components/ui/time-ago";

// The frame of every page behind a share link (a persona's, a panel's): the top
// bar saying who shared it and when the link expires, the "on this page" chips,
// and the footer — the only link into the studio.

export function SharedTopBar({ sharedBy, sharedAt, expiresAt }: { sharedBy: string; sharedAt: string; expiresAt: string | null }) {
  return (
    <div className="border-b border-slate-200 bg-white/90 backdrop-blur">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-3 gap-y-1 px-4 py-2.5 text-xs sm:px-6 lg:px-8">
        <span className="inline-flex items-center gap-1.5 font-semibold text-slate-900"><Logo /> Persona Studio</span>
        <span className="text-slate-300" aria-hidden>·</span>
        <span className="rounded-full bg-slate-100 px-2 py-0.5 font-medium text-slate-600">shared read-only</span>
        <span className="text-slate-500 sm:ml-auto">
          Shared by <b className="font-medium text-slate-700">{sharedBy}</b> <TimeAgo iso={sharedAt} />
          {expiresAt ? <> · link expires <TimeAgo iso={expiresAt} /></> : null}
        </span>
      </div>
    </div>
  );
}

/** Chips linking to the page's sections (their ids). */
export function SectionNav({ sections }: { sections: { id: string; label: string }[] }) {
  return (
    <nav aria-label="On this page" className="flex flex-wrap gap-2 pt-1">
      {sections.map((s) => (
        <a key={s.id} href={`#${s.id}`} className="rounded-full border border-slate-200 bg-white px-3 py-1 text-xs font-medium text-slate-600 shadow-sm hover:border-brand-200 hover:text-brand-700">
          {s.label}
        </a>
      ))}
    </nav>
  );
}

export function SharedFooter() {
  return (
    <footer className="border-t border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl items-center justify-between gap-4 px-4 py-5 text-xs text-slate-500 sm:px-6 lg:px-8">
        <span>A read-only snapshot. Nothing here can be edited.</span>
        <Link href="/" className="inline-flex items-center gap-1.5 font-medium text-slate-600 hover:text-brand-700">
          <Logo /> Made with Persona Studio
        </Link>
      </div>
    </footer>
  );
}

function Logo() {
  // A 16px static svg: nothing for next/image to optimise.
  return <img src="/icon.svg" alt="" width={16} height={16} className="h-4 w-4" />;
}
