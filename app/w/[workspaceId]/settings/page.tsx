import type { Metadata } from "next";
import { WorkspaceSettings } from "@/components/workspace/workspace-settings";

export const metadata: Metadata = { title: "Members & settings" };

export default async function SettingsPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  return <WorkspaceSettings workspaceId={workspaceId} />;
}
