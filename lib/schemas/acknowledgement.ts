import { z } from "zod";

// "Expected for this persona" (issue 12 §7): a designer acknowledges a report
// flag with a reason; the acknowledgement is kept on the persona
// (FlagAcknowledgement) and marks the matching flag on every report of it, the
// review box, the approval gate, the share page and the CLI.

export const ACK_REASON_MAX = 500;

/** A report flag's stable id: kind, then one trait key or a pair ("leakage:warm", "tension:empathetic+firm"). */
export const flagIdSchema = z
  .string()
  .regex(/^(tension|compromise|leakage|miss|overshoot):[a-z][a-z0-9_]{1,39}(\+[a-z][a-z0-9_]{1,39})?$/, "Not a report flag id (e.g. leakage:warm)")
  .describe("The flag's id as the report gives it");

/** up/down: a leakage flag's shift direction (only that way is acknowledged); "": any (every other kind). */
export const ackDirectionSchema = z.enum(["up", "down", ""]).default("").describe("Leakage: the direction acknowledged; empty = either way");

export const acknowledgeFlagBody = z.object({
  flagId: flagIdSchema,
  direction: ackDirectionSchema,
  reason: z.string().trim().min(1, "Say why this is expected for the persona").max(ACK_REASON_MAX),
});
export type AcknowledgeFlagBody = z.input<typeof acknowledgeFlagBody>;

export const acknowledgementSchema = z.object({
  id: z.string(),
  flagId: z.string(),
  direction: z.enum(["up", "down", ""]),
  reason: z.string(),
  by: z.string().describe("Who acknowledged it (display name)"),
  at: z.string().describe("ISO time"),
});
export type Acknowledgement = z.infer<typeof acknowledgementSchema>;

/**
 * What a served report flag carries when an acknowledgement matches it. A share
 * page is public: there the flag carries the reason only, never who or when.
 */
export const flagAcknowledgedSchema = acknowledgementSchema.pick({ id: true, reason: true }).extend({
  by: acknowledgementSchema.shape.by.optional(),
  at: acknowledgementSchema.shape.at.optional(),
});
export type FlagAcknowledged = z.infer<typeof flagAcknowledgedSchema>;
