// POST /api/workspaces/[workspaceId]/sample-persona – the first-run sample persona, versioned and probed
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { createSamplePersona } from "@/lib/services/onboarding/sample-persona";

export const POST = handle(ops.createSamplePersona, ({ ctx }) => createSamplePersona(ctx));

export * from "@/lib/http/method-not-allowed";
