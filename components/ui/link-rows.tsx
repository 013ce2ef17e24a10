"use client";
import Link from "next/link";
import type { ReactNode } from "react";
import { cn } from "@/components/ui/cn";
import { TimeAgo } from "@/components/ui/time-ago";

// The workspace lists (personas, panels): a bordered list whose rows each link
// to one item, laid out as a grid whose columns the caller names.

/** The placeholder while the list loads. */
export function RowsPending() {
  return <div className="h-40 animate-pulse rounded-xl bg-slate-100" />;
}

/** The list could not load: "Could not load {what}: {message}". */
export function RowsError({ what, error }: { what: string; error: Error }) {
  return <p role="alert" className="text-sm text-rose-600">Could not load {what}: {error.message}</p>;
}

export function LinkRows({ label, children }: { label: string; children: ReactNode }) {
  return (
    <ul className="divide-y divide-slate-100 overflow-hidden rounded-xl border border-slate-200 bg-white shadow-sm" aria-label={label}>
      {children}
    </ul>
  );
}

/**
 * One row; `columns` are the grid's column classes (grid-cols-…). `aside` sits beside the link, not in it
 * (a button inside a link is not reachable as a button), from the sm breakpoint up.
 */
export function LinkRow({ href, columns, children, aside }: { href: string; columns: string; children: ReactNode; aside?: ReactNode }) {
  return (
    <li className={aside ? "flex items-center hover:bg-slate-50" : undefined}>
      <Link href={href} className={cn("grid items-center gap-4 px-5 py-4 hover:bg-slate-50", aside ? "min-w-0 flex-1 hover:bg-transparent" : null, columns)}>{children}</Link>
      {aside ? <div className="hidden shrink-0 pr-4 sm:block">{aside}</div> : null}
    </li>
  );
}

/** The row's name and a second line; `missing` (in italics) when there is no second line. */
export function RowTitle({ title, subtitle, missing }: { title: string; subtitle: string | null | undefined; missing: string }) {
  return (
    <div className="min-w-0">
      <p className="truncate font-medium text-slate-900">{title}</p>
      <p className="truncate text-sm text-slate-500">{subtitle || <span className="italic">{missing}</span>}</p>
    </div>
  );
}

/** When and by whom the item was last edited (hidden on small screens). */
export function RowUpdated({ at, by }: { at: string; by: string }) {
  return (
    <div className="hidden text-right text-xs text-slate-500 sm:block">
      <TimeAgo iso={at} /><br /><span className="text-slate-500">by {by}</span>
    </div>
  );
}
