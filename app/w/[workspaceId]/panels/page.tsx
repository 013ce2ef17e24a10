import { PanelList } from "@/components/panels/panel-list";

export const metadata = { title: "Panels" };

export default async function PanelsPage({ params }: { params: Promise<{ workspaceId: string }> }) {
  const { workspaceId } = await params;
  return <PanelList workspaceId={workspaceId} />;
}
