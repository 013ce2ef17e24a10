import { AxesComparisonPage } from "@/components/panels/axes-comparison";

export const metadata = { title: "Axes experiment" };

type Search = { topicRun?: string | string[]; frameworkRun?: string | string[] };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export default async function AxesExperimentRoute({ params, searchParams }: { params: Promise<{ workspaceId: string }>; searchParams: Promise<Search> }) {
  const [{ workspaceId }, search] = await Promise.all([params, searchParams]);
  return <AxesComparisonPage workspaceId={workspaceId} topicRun={one(search.topicRun)} frameworkRun={one(search.frameworkRun)} />;
}
