// POST /api/workspaces/[workspaceId]/imports – import a card, Persona Studio JSON or plain prompt as a new persona
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { importPersona } from "@/lib/services/interop/import-persona";

export const POST = handle(ops.importPersona, ({ ctx, body }) => importPersona(ctx, body));

export * from "@/lib/http/method-not-allowed";
