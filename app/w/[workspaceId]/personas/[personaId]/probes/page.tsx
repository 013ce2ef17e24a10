import { Suspense } from "react";
import { ProbesPage } from "@/components/probes/probes-page";

export const metadata = { title: "Probes" };

export default async function Page({ params }: { params: Promise<{ workspaceId: string; personaId: string }> }) {
  const { workspaceId, personaId } = await params;
  return (
    <Suspense fallback={<div className="m-8 h-96 animate-pulse rounded-xl bg-slate-100" />}>
      <ProbesPage workspaceId={workspaceId} personaId={personaId} />
    </Suspense>
  );
}
