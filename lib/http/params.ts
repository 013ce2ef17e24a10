import { z } from "zod";

// Path parameters shared by the operation files: an id is 1–64 characters, a
// version number a positive integer. Anything else in a path is simply "not found".

export const idParam = z.string().min(1).max(64);
export const wsParams = z.object({ workspaceId: idParam });
export const personaParams = wsParams.extend({ personaId: idParam });
export const versionParams = personaParams.extend({ number: z.coerce.number().int().min(1) });
/** `{ workspaceId, <name>: id }` for a resource addressed within a workspace. */
export const wsResource = <K extends string>(name: K) => wsParams.extend({ [name]: idParam } as Record<K, typeof idParam>);
