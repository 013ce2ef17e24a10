import { PanelRunPage } from "@/components/panels/report/panel-run-page";

export const metadata = { title: "Panel probe" };

export default async function PanelRunRoute({ params }: { params: Promise<{ workspaceId: string; panelId: string; runId: string }> }) {
  const { workspaceId, panelId, runId } = await params;
  return <PanelRunPage workspaceId={workspaceId} panelId={panelId} runId={runId} />;
}
