import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { CARD_OWNED_FIELDS, cardRemainder, importFile, InteropError, type ImportedFile, type StudioJsonVersion } from "@/lib/interop";
import { compilePersona } from "@/lib/persona/compile";
import { serializeSpec } from "@/lib/persona/normalize";
import { MAX_IMPORT_BYTES, type ImportResult, type importPersonaBody } from "@/lib/schemas/interop";
import { updateFromImport, type ImportTarget } from "@/lib/services/interop/update-from-import";
import { createPersona } from "@/lib/services/personas/create-persona";
import { findPersonaRow } from "@/lib/services/personas/find-persona";
import { getPersona } from "@/lib/services/personas/get-persona";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";

// Import a file as a new persona, or into the persona it was exported from
// (its export id names a live persona of this workspace) or the one the user
// chose (`target`): see update-from-import.ts. An id from another workspace is
// simply not found here, so it never updates anything. The format is sniffed from the content
// (PNG card, card JSON, Persona Studio JSON, or a plain prompt); nothing is
// inferred silently: a plain prompt becomes the prompt override as written,
// and a card's unmapped fields are kept for a faithful re-export (only those:
// the mapped text is in the spec, and the file itself is not stored).

const LABEL: Record<ImportedFile["format"], string> = {
  "studio-json": "Persona Studio JSON", "card-json": "a character card", "png-card": "a PNG character card", "plain-prompt": "a plain system prompt",
};

function decode(input: z.output<typeof importPersonaBody>): Uint8Array | string {
  if (input.encoding === "text") return input.content;
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(input.content.replace(/\s/g, ""))) throw new AppError("validation", "The file content is not valid base64", { field: "content" });
  const decoded = Buffer.from(input.content, "base64");
  const bytes = new Uint8Array(decoded.buffer, decoded.byteOffset, decoded.byteLength);
  if (bytes.length > MAX_IMPORT_BYTES) throw new AppError("validation", "The file is over 8 MB", { field: "content" });
  return bytes;
}

async function resolveTarget(ctx: WorkspaceContext, input: z.output<typeof importPersonaBody>, exportId: string | null): Promise<(ImportTarget & { name: string }) | null> {
  if (input.asNew && input.target) throw new AppError("validation", "Choose either a persona to update or a new persona, not both", { field: "asNew" });
  if (input.asNew) return null;
  if (input.target) {
    const row = await findPersonaRow(ctx, input.target.personaId);
    return { personaId: row.id, revision: input.target.revision, name: row.name };
  }
  if (!exportId) return null;
  // Matched without the user's say (an API client re-importing): the current draft is the base, archived ones are left alone.
  const match = await db.persona.findFirst({ where: { id: exportId, workspaceId: ctx.workspaceId, status: { not: "archived" } }, select: { id: true, revision: true, name: true } });
  return match ? { personaId: match.id, revision: match.revision, name: match.name } : null;
}

export async function importPersona(ctx: WorkspaceContext, input: z.output<typeof importPersonaBody>): Promise<ImportResult> {
  let file: ImportedFile;
  try {
    file = importFile(input.fileName, decode(input), { name: input.name });
  } catch (e) {
    // The importer names what is wrong inside the file (e.g. "data.name", "png.chunk"); the request field is the content.
    if (e instanceof InteropError) throw new AppError("validation", `The file content cannot be imported — ${e.field ? `${e.field}: ` : ""}${e.message}`, { field: "content", details: { fileField: e.field } });
    throw e;
  }
  const card = file.format === "card-json" || file.format === "png-card" ? cardRemainder(file.unmapped) : null;
  const versions = file.format === "studio-json" ? [...file.versions].sort((a, b) => a.number - b.number) : [];
  const imported = JSON.stringify({ format: file.format, fileName: input.fileName, importedAt: new Date().toISOString(), ...(card ? { card } : {}) });
  const target = await resolveTarget(ctx, input, file.exportId);
  let personaId: string;
  let versionsImported = versions.length;
  if (target) {
    personaId = target.personaId;
    // A plain prompt names nobody reliably ("You are …" at best): into an existing persona it keeps that persona's name unless one is given.
    const spec = file.format === "plain-prompt" && !input.name ? { ...file.spec, name: target.name } : file.spec;
    ({ versionsImported } = await updateFromImport(ctx, target, {
      spec, versions, imported, summary: `updated the draft from ${LABEL[file.format]} (${input.fileName})`,
    }));
  } else {
    personaId = await createFromFile(ctx, file.spec, versions, {
      summary: `imported the persona from ${LABEL[file.format]} (${input.fileName})${versions.length ? ` with ${versions.length} version${versions.length === 1 ? "" : "s"}` : ""}`,
      imported,
    });
  }
  const cardData = card && typeof card === "object" && "data" in card && card.data && typeof card.data === "object" ? card.data as Record<string, unknown> : card;
  return {
    persona: await getPersona(ctx, personaId),
    action: target ? "updated" : "created",
    format: file.format,
    cardVersion: "version" in file && (file.format === "card-json" || file.format === "png-card") ? file.version : null,
    versionsImported,
    keptFields: cardData ? Object.keys(cardData).filter((k) => !(CARD_OWNED_FIELDS as readonly string[]).includes(k)) : [],
    warnings: file.warnings,
  };
}

async function createFromFile(ctx: WorkspaceContext, spec: ImportedFile["spec"], versions: StudioJsonVersion[], origin: { summary: string; imported: string }): Promise<string> {
  const created = await createPersona(ctx, { name: spec.name, spec }, origin);
  if (versions.length) {
    await db.$transaction(async (tx) => {
      for (const [i, v] of versions.entries()) {
        await tx.personaVersion.create({
          data: {
            personaId: created.id, number: i + 1, message: `${v.message} (imported, was v${v.number} by ${v.authorName})`,
            spec: serializeSpec(v.spec), compiledPrompt: compilePersona(v.spec).prompt, authorId: ctx.userId, authorName: ctx.userName,
          },
        });
      }
      await tx.persona.update({ where: { id: created.id }, data: { latestVersion: versions.length } });
    });
  }
  return created.id;
}
