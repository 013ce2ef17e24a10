import { ProbeReportPage } from "@/components/probes/report-page";

export const metadata = { title: "Probe report" };

export default async function Page({ params }: { params: Promise<{ workspaceId: string; personaId: string; runId: string }> }) {
  const { workspaceId, personaId, runId } = await params;
  return <ProbeReportPage workspaceId={workspaceId} personaId={personaId} runId={runId} />;
}
