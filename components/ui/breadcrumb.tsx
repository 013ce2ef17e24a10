import Link from "next/link";
import { Fragment } from "react";

/** "Personas / Rosa / Versions": links for every step but the last. */
export function Breadcrumb({ items }: { items: { label: string; href?: string }[] }) {
  return (
    <nav className="flex min-w-0 items-center gap-2 text-sm" aria-label="Breadcrumb">
      {items.map((item, i) => (
        <Fragment key={i}>
          {i > 0 ? <span className="text-slate-300">/</span> : null}
          {item.href ? (
            <Link href={item.href} className="truncate text-slate-500 hover:text-slate-900">{item.label}</Link>
          ) : (
            <span className="truncate font-semibold">{item.label}</span>
          )}
        </Fragment>
      ))}
    </nav>
  );
}
