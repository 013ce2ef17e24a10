import { z } from "zod";
import { defineOperation } from "@/lib/http/operation";
import { wsParams } from "@/lib/http/params";
import {
  customTraitSchema, draftCustomTraitBody, draftCustomTraitResponse, saveCustomTraitBody, TRAIT_KEY_PATTERN,
} from "@/lib/schemas/custom-trait";

// Custom traits of a workspace. Drafting calls a model and saving changes the
// library probe runs will measure against, so both need an editor; every member reads.

const ws = wsParams;
const trait = wsParams.extend({ traitKey: z.string().regex(TRAIT_KEY_PATTERN) });
const C = "/api/workspaces/{workspaceId}/custom-traits";

export const customTraitOps = {
  draftCustomTrait: defineOperation({ id: "draftCustomTrait", method: "POST", path: `${C}/draft`, tag: "Custom traits", summary: "Ask the model to draft poles, probe items and a judge rubric from a one-line description (nothing stored)", auth: "workspace", role: "editor", params: ws, body: draftCustomTraitBody, response: draftCustomTraitResponse, cost: "draft" }),
  listCustomTraits: defineOperation({ id: "listCustomTraits", method: "GET", path: C, tag: "Custom traits", summary: "The latest version of each custom trait of the workspace", auth: "workspace", role: "viewer", params: ws, response: z.array(customTraitSchema) }),
  saveCustomTrait: defineOperation({ id: "saveCustomTrait", method: "POST", path: C, tag: "Custom traits", summary: "Save a custom trait: version 1 of a new key, or the next version of an existing one", auth: "workspace", role: "editor", params: ws, body: saveCustomTraitBody, response: customTraitSchema, status: 201, idempotent: true }),
  listCustomTraitVersions: defineOperation({ id: "listCustomTraitVersions", method: "GET", path: `${C}/{traitKey}/versions`, tag: "Custom traits", summary: "Every saved version of one custom trait, newest first", auth: "workspace", role: "viewer", params: trait, response: z.array(customTraitSchema) }),
};
