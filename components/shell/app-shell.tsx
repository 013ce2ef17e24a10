"use client";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Dialog } from "@/components/ui/dialog";
import { Field, Input } from "@/components/ui/field";
import { Badge } from "@/components/ui/badge";
import { SkipLink } from "@/components/ui/skip-link";
import { authClient } from "@/lib/auth/client";
import { ApiError } from "@/lib/query/api";
import { useReviewQueue } from "@/lib/query/review-hooks";
import { useInbox } from "@/lib/query/invitation-hooks";
import { useMe, useWorkspaceMutations } from "@/lib/query/hooks";

export function AppShell({
  workspaceId, user, children,
}: { workspaceId: string; user: { name: string; email: string }; children: ReactNode }) {
  const pathname = usePathname();
  const router = useRouter();
  const me = useMe();
  const current = me.data?.workspaces.find((w) => w.id === workspaceId);
  const [creating, setCreating] = useState(false);
  const queue = useReviewQueue(workspaceId);
  const waiting = queue.data ? queue.data.awaitingMe.length + queue.data.panelAwaitingMe.length + queue.data.mentionsTotal : 0;

  const inbox = useInbox();
  const nav = [
    { href: `/w/${workspaceId}/inbox`, label: "Inbox", active: pathname.endsWith("/inbox"), count: inbox.data?.unread ?? 0 },
    { href: `/w/${workspaceId}`, label: "Personas", active: pathname === `/w/${workspaceId}` || pathname.includes("/personas/") },
    { href: `/w/${workspaceId}/panels`, label: "Panels", active: pathname.includes(`/w/${workspaceId}/panels`) },
    { href: `/w/${workspaceId}/reviews`, label: "Reviews", active: pathname.endsWith("/reviews"), count: waiting },
    { href: `/w/${workspaceId}/traits`, label: "Trait library", active: pathname.endsWith("/traits") },
    { href: `/w/${workspaceId}/settings`, label: "Members & settings", active: pathname.endsWith("/settings") },
  ];

  // At ≤ 768 px the sidebar folds into a top bar; the menu button opens it over the page.
  const menu = useMobileMenu(pathname);

  return (
    <div className="min-h-screen md:flex">
      <SkipLink />
      <header className="sticky top-0 z-30 flex h-14 items-center justify-between border-b border-slate-200 bg-white px-4 md:hidden">
        <Link href="/" className="flex items-center gap-2 text-[15px] font-semibold">
          <img src="/icon.svg" alt="" className="h-7 w-7" /> Persona Studio
        </Link>
        <button
          ref={menu.buttonRef}
          type="button"
          className="flex items-center gap-1.5 rounded-md border border-slate-200 px-2.5 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-100"
          aria-expanded={menu.open}
          aria-controls="app-navigation"
          onClick={menu.toggle}
        >
          <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4" fill="currentColor">
            {menu.open
              ? <path d="M5.3 4.3a1 1 0 0 0-1 1.4L8.6 10l-4.3 4.3a1 1 0 1 0 1.4 1.4L10 11.4l4.3 4.3a1 1 0 0 0 1.4-1.4L11.4 10l4.3-4.3a1 1 0 0 0-1.4-1.4L10 8.6 5.7 4.3a1 1 0 0 0-.4-.1z" />
              : <path d="M3 5h14a1 1 0 1 0 0-2H3a1 1 0 0 0 0 2zm14 4H3a1 1 0 0 0 0 2h14a1 1 0 1 0 0-2zm0 6H3a1 1 0 1 0 0 2h14a1 1 0 1 0 0-2z" />}
          </svg>
          Menu
        </button>
      </header>
      <aside
        id="app-navigation"
        className={cn(
          "flex-col border-slate-200 bg-white md:sticky md:top-0 md:flex md:h-screen md:w-60 md:shrink-0 md:border-r",
          menu.open ? "fixed inset-x-0 top-14 bottom-0 z-20 flex overflow-y-auto border-t shadow-lg md:z-auto md:overflow-visible md:border-t-0 md:shadow-none" : "hidden",
        )}
      >
        <Link href="/" className="hidden items-center gap-2 px-5 pt-5 pb-4 text-[15px] font-semibold md:flex">
          <img src="/icon.svg" alt="" className="h-7 w-7" /> Persona Studio
        </Link>
        <div className="px-3 pt-4 md:pt-0">
          <label htmlFor="workspace-switcher" className="px-2 text-[11px] font-semibold uppercase tracking-wider text-slate-500">
            Workspace
          </label>
          <select
            id="workspace-switcher"
            aria-label="Workspace"
            className="mt-1 block w-full truncate rounded-md border border-slate-200 bg-slate-50 px-2 py-1.5 text-sm font-medium"
            value={workspaceId}
            onChange={(e) => (e.target.value === "__new" ? setCreating(true) : router.push(`/w/${e.target.value}`))}
          >
            {(me.data?.workspaces ?? []).map((w) => (
              <option key={w.id} value={w.id}>{w.name}</option>
            ))}
            {!me.data ? <option value={workspaceId}>Loading…</option> : null}
            <option value="__new">+ New workspace…</option>
          </select>
          {current ? (
            <p className="mt-1.5 px-2 text-xs text-slate-500">
              Your role: <Badge tone={current.role === "owner" || current.role === "editor" ? "brand" : "slate"}>{current.role}</Badge>
            </p>
          ) : null}
        </div>
        <nav className="mt-5 flex flex-col gap-0.5 px-3" aria-label="Main">
          {nav.map((n) => (
            <Link
              key={n.href}
              href={n.href}
              className={cn(
                "rounded-md px-2.5 py-1.5 text-sm",
                n.active ? "bg-brand-50 font-medium text-brand-700" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900",
              )}
            >
              <span className="flex items-center justify-between">
                {n.label}
                {"count" in n && n.count ? <span className="rounded-full bg-brand-600 px-1.5 text-[11px] font-semibold tabular-nums text-white">{n.count}<span className="sr-only"> waiting</span></span> : null}
              </span>
            </Link>
          ))}
          <a href="/api/openapi.json" className="rounded-md px-2.5 py-1.5 text-sm text-slate-600 hover:bg-slate-100" target="_blank" rel="noreferrer">
            API (OpenAPI)
          </a>
        </nav>
        <div className="mt-auto border-t border-slate-100 p-4">
          <p className="truncate text-sm font-medium" data-testid="current-user">{user.name}</p>
          <p className="truncate text-xs text-slate-500">{user.email}</p>
          <button
            className="mt-2 text-xs font-medium text-slate-500 hover:text-slate-900"
            onClick={async () => {
              await authClient.signOut();
              router.replace("/sign-in");
              router.refresh();
            }}
          >
            Sign out
          </button>
        </div>
      </aside>
      <main id="main" tabIndex={-1} className="min-w-0 flex-1 focus:outline-none">{children}</main>
      <NewWorkspaceDialog open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}

/** The phone menu: closes on navigation and on Escape (focus goes back to the button). */
function useMobileMenu(pathname: string) {
  const [open, setOpen] = useState(false);
  const [shownFor, setShownFor] = useState(pathname);
  const buttonRef = useRef<HTMLButtonElement>(null);
  if (shownFor !== pathname) {
    setShownFor(pathname);
    setOpen(false);
  }
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [open]);
  return { open, buttonRef, toggle: () => setOpen((o) => !o) };
}

function NewWorkspaceDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const router = useRouter();
  const { create } = useWorkspaceMutations();
  const [name, setName] = useState("");
  const error = create.error instanceof ApiError ? create.error.message : null;
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="New workspace"
      description="A shared space for a team's personas. You become its owner and can add members."
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>Cancel</Button>
          <Button
            variant="primary"
            disabled={create.isPending}
            onClick={() =>
              create.mutate(name, {
                onSuccess: (ws) => {
                  onClose();
                  setName("");
                  router.push(`/w/${ws.id}`);
                },
              })
            }
          >
            Create workspace
          </Button>
        </>
      }
    >
      <Field label="Name" htmlFor="workspace-name" error={error}>
        <Input id="workspace-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="Support bots team" autoFocus />
      </Field>
    </Dialog>
  );
}
