// POST /api/compile – compile a PersonaSpec into its system prompt
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { compilePersona } from "@/lib/persona/compile";

export const POST = handle(ops.compile, async ({ body }) => compilePersona(body.spec));

export * from "@/lib/http/method-not-allowed";
