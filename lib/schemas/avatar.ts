import { z } from "zod";

// A persona's picture: uploaded (PNG, JPEG or WebP, at most 2 MB, stored as a
// 512×512 PNG without metadata) or, without one, generated from its initials.

export const MAX_AVATAR_BYTES = 2 * 1024 * 1024;
export const AVATAR_SIZE = 512;

export const putAvatarBody = z.object({
  image: z.string().min(1, "Choose an image").max(Math.ceil(MAX_AVATAR_BYTES * 4 / 3) + 4, "The image is over 2 MB")
    .describe("The image file, base64: PNG, JPEG or WebP, at most 2 MB"),
});
export type PutAvatarBody = z.input<typeof putAvatarBody>;

export const avatarInfoSchema = z.object({
  source: z.enum(["uploaded", "generated"]),
  updatedAt: z.string().nullable(),
});
export type AvatarInfo = z.infer<typeof avatarInfoSchema>;

/**
 * An image to serve conditionally (lib/http/etag, conditionalBytes): the ETag and
 * caching are known before the bytes, which are made only when they are sent.
 */
export type ServedImage = {
  etag: string;
  cacheControl: string;
  contentType: string;
  headers: Record<string, string>;
  body: () => Promise<Uint8Array>;
};
