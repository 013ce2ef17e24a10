"use client";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Dialog } from "@/components/ui/dialog";
import { Field, Input } from "@/components/ui/field";
import { Badge } from "@/components/ui/badge";
import { authClient } from "@/lib/auth/client";
import { ApiError } from "@/lib/query/api";
import { useReviewQueue } from "@/lib/query/review-hooks";
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
  const waiting = queue.data ? queue.data.awaitingMe.length + queue.data.panelAwaitingMe.length + queue.data.mentions.length : 0;

  const nav = [
    { href: `/w/${workspaceId}`, label: "Personas", active: pathname === `/w/${workspaceId}` || pathname.includes("/personas/") },
    { href: `/w/${workspaceId}/panels`, label: "Panels", active: pathname.includes(`/w/${workspaceId}/panels`) },
    { href: `/w/${workspaceId}/reviews`, label: "Reviews", active: pathname.endsWith("/reviews"), count: waiting },
    { href: `/w/${workspaceId}/traits`, label: "Trait library", active: pathname.endsWith("/traits") },
    { href: `/w/${workspaceId}/settings`, label: "Members & settings", active: pathname.endsWith("/settings") },
  ];

  return (
    <div className="flex min-h-screen">
      <aside className="sticky top-0 flex h-screen w-60 shrink-0 flex-col border-r border-slate-200 bg-white">
        <Link href="/" className="flex items-center gap-2 px-5 pt-5 pb-4 text-[15px] font-semibold">
          <img src="/icon.svg" alt="" className="h-7 w-7" /> Persona Studio
        </Link>
        <div className="px-3">
          <label htmlFor="workspace-switcher" className="px-2 text-[11px] font-semibold uppercase tracking-wider text-slate-400">
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
                {"count" in n && n.count ? <span className="rounded-full bg-brand-600 px-1.5 text-[11px] font-semibold tabular-nums text-white" aria-label={`${n.count} waiting`}>{n.count}</span> : null}
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
      <div className="min-w-0 flex-1">{children}</div>
      <NewWorkspaceDialog open={creating} onClose={() => setCreating(false)} />
    </div>
  );
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
