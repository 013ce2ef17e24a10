import { z } from "zod";
import { defineOperation } from "@/lib/http/operation";
import { idParam, personaParams, wsParams, wsResource } from "@/lib/http/params";
import { measuredCorrelationsQuery, measuredCorrelationsSchema } from "@/lib/schemas/coherence";
import { probeRunSchema } from "@/lib/schemas/probe";
import { createVariantBody, probeVariantsBody, requestedWordingVariantBody, updateVariantBody, variantBatchSchema, variantSchema } from "@/lib/schemas/variant";

// Composer intelligence: measured trait-pair correlations for the coherence
// check, and variants probed side by side. Reading is for every member; making
// and editing variants is editing the persona; probing them calls models.

const ws = wsParams;
const persona = personaParams;
const variant = wsResource("variantId");
const batch = personaParams.extend({ batchId: idParam });
const W = "/api/workspaces/{workspaceId}";
const P = `${W}/personas/{personaId}`;

export const composerOps = {
  measuredCorrelations: defineOperation({ id: "getMeasuredCorrelations", method: "GET", path: `${W}/measured-correlations`, tag: "Composer", summary: "Trait-pair correlations measured by this workspace's recent probe runs, per model, beside the library's expectation", auth: "workspace", role: "viewer", params: ws, query: measuredCorrelationsQuery, response: measuredCorrelationsSchema }),
  listVariants: defineOperation({ id: "listVariants", method: "GET", path: `${P}/variants`, tag: "Variants", summary: "Named variants of a persona", auth: "workspace", role: "viewer", params: persona, response: z.array(variantSchema) }),
  createVariant: defineOperation({ id: "createVariant", method: "POST", path: `${P}/variants`, tag: "Variants", summary: "Create a variant from the draft (as is, character type only, or trait list only) or from a full spec", auth: "workspace", role: "editor", params: persona, body: createVariantBody, response: variantSchema, status: 201, idempotent: true }),
  createRequestedWordingVariant: defineOperation({ id: "createRequestedWordingVariant", method: "POST", path: `${P}/variants/requested-wording`, tag: "Variants", summary: "\"Try the requested-behaviour wording\": a variant of the draft with one targeted trait stated as a role requirement instead of the character's nature, named \"<Trait> as a role requirement\" (numbered on a clash)", auth: "workspace", role: "editor", params: persona, body: requestedWordingVariantBody, response: variantSchema, status: 201, idempotent: true }),
  getVariant: defineOperation({ id: "getVariant", method: "GET", path: `${W}/variants/{variantId}`, tag: "Variants", summary: "One variant with its compiled prompt", auth: "workspace", role: "viewer", params: variant, response: variantSchema }),
  updateVariant: defineOperation({ id: "updateVariant", method: "PATCH", path: `${W}/variants/{variantId}`, tag: "Variants", summary: "Rename or edit a variant (409 when `revision` is stale)", auth: "workspace", role: "editor", params: variant, body: updateVariantBody, response: variantSchema }),
  deleteVariant: defineOperation({ id: "deleteVariant", method: "DELETE", path: `${W}/variants/{variantId}`, tag: "Variants", summary: "Delete a variant (its probe runs are kept)", auth: "workspace", role: "editor", params: variant, response: z.null() }),
  probeVariants: defineOperation({ id: "probeVariants", method: "POST", path: `${P}/variant-probes`, tag: "Variants", summary: "Probe variants in one action: same model, items, settings and seed, judged against the same targets", auth: "workspace", role: "editor", params: persona, body: probeVariantsBody, response: z.object({ batchId: z.string(), runs: z.array(probeRunSchema) }), status: 201, cost: "probe", idempotent: true }),
  getVariantBatch: defineOperation({ id: "getVariantBatch", method: "GET", path: `${P}/variant-probes/{batchId}`, tag: "Variants", summary: "Variants probed together: which lands closer (distance, per-trait deltas, flags) and their reports", auth: "workspace", role: "viewer", params: batch, response: variantBatchSchema }),
};
