// GET /api/traits – the built-in trait library (items, rubrics, relations)
import { handle } from "@/lib/http/handle";
import { ops } from "@/lib/http/operations";
import { traitLibrary } from "@/lib/services/probes/trait-library";

export const GET = handle(ops.traitLibrary, async () => traitLibrary());

export * from "@/lib/http/method-not-allowed";
