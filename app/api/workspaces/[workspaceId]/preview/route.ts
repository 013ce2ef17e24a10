// POST /api/workspaces/[workspaceId]/preview – stream one live-preview answer (NDJSON)
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { streamPreview } from "@/lib/services/preview/stream-preview";

export const dynamic = "force-dynamic";

export const POST = handle(ops.preview, ({ ctx, body, request }) => streamPreview(ctx, body, request.signal));

export * from "@/lib/http/method-not-allowed";
