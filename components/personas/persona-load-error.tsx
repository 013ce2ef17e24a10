import Link from "next/link";
import { ApiError } from "@/lib/query/api";

/** What a persona page shows when its persona cannot be loaded: gone (or another workspace's), or an error. */
export function PersonaLoadError({ workspaceId, error }: { workspaceId: string; error: Error }) {
  const missing = error instanceof ApiError && error.status === 404;
  return (
    <div className="mx-auto max-w-xl px-8 py-16 text-center">
      <h1 className="text-lg font-semibold">{missing ? "Persona not found" : "Could not load this persona"}</h1>
      <p className="mt-2 text-sm text-slate-500">{missing ? "It may have been deleted, or it belongs to another workspace." : error.message}</p>
      <Link href={`/w/${workspaceId}`} className="mt-6 inline-block text-sm font-medium text-brand-600">← Back to personas</Link>
    </div>
  );
}
