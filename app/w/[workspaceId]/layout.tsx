import type { ReactNode } from "react";
import { notFound, redirect } from "next/navigation";
import { AppShell } from "@/components/shell/app-shell";
import { currentSession } from "@/lib/auth/session";
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";

export default async function WorkspaceLayout({
  children, params,
}: { children: ReactNode; params: Promise<{ workspaceId: string }> }) {
  const session = await currentSession();
  if (!session) redirect("/sign-in");
  const { workspaceId } = await params;
  const member = await db.membership.findUnique({
    where: { workspaceId_userId: { workspaceId, userId: session.user.id } },
    select: { id: true },
  });
  if (!member) notFound();
  return (
    <AppShell workspaceId={workspaceId} user={{ name: session.user.name, email: session.user.email }}>
      {children}
    </AppShell>
  );
}
