import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { exportCharacterCard, exportPlainPrompt, exportPngCard, exportStudioJson, InteropError } from "@/lib/interop";
import type { PersonaSpec } from "@/lib/schemas/persona";
import type { exportQuery } from "@/lib/schemas/interop";
import { avatarPngOf } from "@/lib/services/avatars/avatar";
import { promptfooConfig } from "@/lib/services/interop/export-promptfoo";
import { findPersonaRow } from "@/lib/services/personas/find-persona";
import { parseStoredSpec } from "@/lib/services/personas/serialize";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";

// Export a persona (a saved version, or the draft) as a file download: Persona
// Studio JSON (with its versions, lossless), Character Card V2/V3 JSON or PNG
// (keeping every field of the card it was imported from), the plain compiled
// prompt, or a promptfoo config (probe items as tests, rubrics as llm-rubric).

type Query = z.output<typeof exportQuery>;

function download(body: string | Uint8Array, fileName: string, type: string): Response {
  return new Response(typeof body === "string" ? body : new Blob([body as Uint8Array<ArrayBuffer>]), {
    headers: {
      "content-type": type,
      "content-disposition": `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
      "cache-control": "private, no-store",
    },
  });
}

export async function exportPersona(ctx: WorkspaceContext, personaId: string, q: Query): Promise<Response> {
  const persona = await findPersonaRow(ctx, personaId);
  const which = q.version ?? (persona.latestVersion > 0 ? persona.latestVersion : "draft");
  let spec: PersonaSpec;
  if (which === "draft") spec = parseStoredSpec(persona.spec);
  else {
    const v = await db.personaVersion.findUnique({ where: { personaId_number: { personaId: persona.id, number: which } } });
    if (!v) throw new AppError("validation", `Version ${which} does not exist`, { field: "version" });
    spec = parseStoredSpec(v.spec);
  }
  const base = persona.imported ? (JSON.parse(persona.imported) as { card?: unknown }).card : undefined;
  const stem = `${persona.slug}-${which === "draft" ? "draft" : `v${which}`}`;
  try {
    switch (q.format) {
      case "studio-json": {
        const versions = await db.personaVersion.findMany({ where: { personaId: persona.id }, orderBy: { number: "asc" } });
        const json = exportStudioJson({
          exportId: persona.id, name: spec.name, spec, exportedAt: new Date(),
          versions: versions.map((v) => ({ number: v.number, message: v.message, spec: parseStoredSpec(v.spec), createdAt: v.createdAt, authorName: v.authorName })),
        });
        return download(JSON.stringify(json, null, 2), `${stem}.persona.json`, "application/json");
      }
      case "card-v2":
      case "card-v3": {
        const card = exportCharacterCard(spec, { version: q.format === "card-v2" ? "v2" : "v3", base, now: new Date(), exportId: persona.id });
        return download(JSON.stringify(card, null, 2), `${stem}.${q.format}.json`, "application/json");
      }
      case "card-png":
        // The image is the persona's avatar (uploaded, else its generated initials), not a blank square.
        return download(exportPngCard(spec, { base, now: new Date(), exportId: persona.id, png: await avatarPngOf(persona) }), `${stem}.card.png`, "image/png");
      case "plain":
        return download(exportPlainPrompt(spec), `${stem}.prompt.txt`, "text/plain; charset=utf-8");
      case "promptfoo":
        // The workspace's provider, leakage checks and the baseline prompt (lib/services/interop/export-promptfoo.ts).
        return download(await promptfooConfig(ctx, spec, q.provider), `${stem}.promptfooconfig.yaml`, "text/yaml; charset=utf-8");
    }
  } catch (e) {
    if (e instanceof InteropError) throw new AppError("validation", `${e.field}: ${e.message}`, { field: "format" });
    throw e;
  }
}
