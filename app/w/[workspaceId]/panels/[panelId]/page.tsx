import { PanelEditorPage } from "@/components/panels/panel-editor";

export const metadata = { title: "Panel" };

export default async function PanelPage({ params }: { params: Promise<{ workspaceId: string; panelId: string }> }) {
  const { workspaceId, panelId } = await params;
  return <PanelEditorPage workspaceId={workspaceId} panelId={panelId} />;
}
