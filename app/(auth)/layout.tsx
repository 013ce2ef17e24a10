import type { ReactNode } from "react";
import { redirect } from "next/navigation";
import { SkipLink } from "@/components/ui/skip-link";
import { currentSession } from "@/lib/auth/session";

export const dynamic = "force-dynamic";

export default async function AuthLayout({ children }: { children: ReactNode }) {
  if (await currentSession()) redirect("/");
  return (
    <div className="grid min-h-screen lg:grid-cols-[1.1fr_1fr]">
      <SkipLink />
      <aside className="relative hidden overflow-hidden bg-gradient-to-br from-slate-900 via-indigo-950 to-brand-700 p-12 text-white lg:flex lg:flex-col lg:justify-between">
        <div className="flex items-center gap-2.5 text-lg font-semibold">
          <img src="/icon.svg" alt="" className="h-8 w-8" /> Persona Studio
        </div>
        <div className="max-w-lg space-y-5">
          <h1 className="text-3xl font-semibold leading-tight">A system prompt doesn&apos;t invent a character. It selects one.</h1>
          <p className="text-indigo-100/90">
            Models learned a space of characters from human text. Ask for &ldquo;skeptical&rdquo; and some &ldquo;contrarian&rdquo;
            comes along; ask for &ldquo;empathetic but firm&rdquo; and you often get merely accommodating.
          </p>
          <p className="text-indigo-100/90">
            Compose coherent character types, watch them answer, and measure where they actually land.
          </p>
        </div>
        <ol className="flex gap-6 text-sm text-indigo-200">
          <li>1 · Compose</li><li>2 · Preview</li><li>3 · Probe</li><li>4 · Review</li>
        </ol>
      </aside>
      <main id="main" tabIndex={-1} className="flex items-center justify-center px-6 py-12 focus:outline-none">{children}</main>
    </div>
  );
}
