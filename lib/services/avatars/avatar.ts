import "server-only";
import { createHash } from "node:crypto";
import sharp from "sharp";
import type { z } from "zod";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { avatarSvg } from "@/lib/persona/avatar";
import { AVATAR_SIZE, MAX_AVATAR_BYTES, type AvatarInfo, type putAvatarBody, type ServedImage } from "@/lib/schemas/avatar";
import { findPersonaRow } from "@/lib/services/personas/find-persona";
import type { WorkspaceContext } from "@/lib/services/workspaces/access";

// A persona's avatar: the uploaded picture (normalised on the way in to a
// 512×512 PNG, metadata stripped: a phone photo's GPS position never reaches a
// card), else the generated initials (lib/persona/avatar.ts) rendered to PNG.
// The same bytes are served to the UI and put on the exported PNG card.

/** Generated avatars change when this does (palette or layout): part of their ETag. */
const GENERATOR_VERSION = "1";
/** A decompression bomb stops here, not in memory: 8000×5000 is more than any sensible upload. */
const MAX_INPUT_PIXELS = 40_000_000;

const KINDS: { name: string; test: (b: Uint8Array) => boolean }[] = [
  { name: "png", test: (b) => [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a].every((x, i) => b[i] === x) },
  { name: "jpeg", test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { name: "webp", test: (b) => String.fromCharCode(...b.subarray(0, 4)) === "RIFF" && String.fromCharCode(...b.subarray(8, 12)) === "WEBP" },
];

const sha = (data: string | Uint8Array) => `"${createHash("sha256").update(data).digest("base64url").slice(0, 32)}"`;

export function generatedAvatarPng(persona: { id: string; name: string }): Promise<Uint8Array> {
  return sharp(Buffer.from(avatarSvg(persona.id, persona.name, AVATAR_SIZE))).png().toBuffer().then((b) => new Uint8Array(b));
}

/** The PNG to show for a persona already known to be in the caller's workspace. */
export async function avatarPngOf(persona: { id: string; name: string }): Promise<Uint8Array> {
  const stored = await db.personaAvatar.findUnique({ where: { personaId: persona.id }, select: { png: true } });
  return stored ? new Uint8Array(stored.png) : generatedAvatarPng(persona);
}

/**
 * GET: what to serve — a strong ETag and caching known before any rendering (lib/http/etag
 * answers 304 from them), and the PNG rendered only when it is sent.
 */
export async function getAvatar(ctx: WorkspaceContext, personaId: string, stamp: string | null): Promise<ServedImage> {
  const persona = await findPersonaRow(ctx, personaId);
  const stored = await db.personaAvatar.findUnique({ where: { personaId: persona.id }, select: { png: true, updatedAt: true } });
  // A URL stamped with the upload's time (the list's avatarAt) names these bytes for good:
  // the browser keeps them without asking again. Any other URL is revalidated by ETag.
  const stamped = stored !== null && stamp === String(stored.updatedAt.getTime());
  return {
    etag: stored ? sha(stored.png) : sha(`generated:${GENERATOR_VERSION}:${persona.id}:${persona.name}`),
    cacheControl: stamped ? "private, max-age=31536000, immutable" : "private, no-cache",
    contentType: "image/png",
    headers: { "X-Avatar-Source": stored ? "uploaded" : "generated" },
    body: () => (stored ? Promise.resolve(new Uint8Array(stored.png)) : generatedAvatarPng(persona)),
  };
}

function decodeImage(text: string): Uint8Array {
  const clean = text.replace(/^data:[^,]*,/, "").replace(/\s/g, "");
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean)) throw new AppError("validation", "The image is not valid base64", { field: "image" });
  const bytes = new Uint8Array(Buffer.from(clean, "base64"));
  if (bytes.length > MAX_AVATAR_BYTES) throw new AppError("validation", `The image is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; the limit is 2 MB`, { field: "image" });
  if (!KINDS.some((k) => k.test(bytes))) throw new AppError("validation", "The image must be a PNG, JPEG or WebP file", { field: "image" });
  return bytes;
}

export async function putAvatar(ctx: WorkspaceContext, personaId: string, body: z.output<typeof putAvatarBody>): Promise<AvatarInfo> {
  const persona = await findPersonaRow(ctx, personaId);
  const bytes = decodeImage(body.image);
  let png: Buffer;
  try {
    // sharp drops EXIF/ICC/XMP unless asked to keep them; rotate() first applies the EXIF orientation.
    png = await sharp(bytes, { limitInputPixels: MAX_INPUT_PIXELS }).rotate().resize(AVATAR_SIZE, AVATAR_SIZE, { fit: "cover" }).png().toBuffer();
  } catch {
    throw new AppError("validation", "The image could not be read (damaged, or too many pixels)", { field: "image" });
  }
  const row = await db.personaAvatar.upsert({
    where: { personaId: persona.id },
    create: { personaId: persona.id, png: new Uint8Array(png), updatedById: ctx.userId },
    update: { png: new Uint8Array(png), updatedById: ctx.userId },
  });
  return { source: "uploaded", updatedAt: row.updatedAt.toISOString() };
}

/** Back to the generated avatar. */
export async function deleteAvatar(ctx: WorkspaceContext, personaId: string): Promise<undefined> {
  const persona = await findPersonaRow(ctx, personaId);
  await db.personaAvatar.deleteMany({ where: { personaId: persona.id } });
  return undefined;
}
