import { redirect } from "next/navigation";
import { currentSession } from "@/lib/auth/session";
import { ensurePersonalWorkspace } from "@/lib/services/workspaces/ensure-personal-workspace";

export const dynamic = "force-dynamic";

// "/" sends a designer to their personal workspace, or to sign in.
export default async function Home() {
  const session = await currentSession();
  if (!session) redirect("/sign-in");
  const workspaceId = await ensurePersonalWorkspace(session.user.id, session.user.name);
  redirect(`/w/${workspaceId}`);
}
