import { z } from "zod";
import { errorBodySchema } from "@/lib/http/errors";
import type { Operation } from "@/lib/http/operation";
import { ops } from "@/lib/http/operations";

// OpenAPI 3.1 is JSON Schema 2020-12, which zod 4 emits natively; this file only
// arranges the operation registry into the document shape.

type JsonSchema = Record<string, unknown>;

function schema(s: z.ZodType, io: "input" | "output"): JsonSchema {
  const json = z.toJSONSchema(s, { io, unrepresentable: "any", target: "draft-2020-12" }) as JsonSchema;
  delete json.$schema;
  return json;
}

function parameters(op: Operation): JsonSchema[] {
  const out: JsonSchema[] = [];
  const add = (obj: z.ZodType | undefined, where: "path" | "query") => {
    if (!obj || !(obj instanceof z.ZodObject)) return;
    const json = schema(obj, "input") as { properties?: Record<string, JsonSchema>; required?: string[] };
    for (const [name, prop] of Object.entries(json.properties ?? {})) {
      out.push({
        name, in: where, required: where === "path" || (json.required ?? []).includes(name), schema: prop,
        ...(prop.description ? { description: prop.description } : {}),
      });
    }
  };
  add(op.params, "path");
  add(op.query, "query");
  return out;
}

const ERRORS: Record<string, string> = {
  "401": "Not signed in", "403": "Role too low for this action", "404": "Not found (or in another workspace)",
  "409": "Conflict: stale revision or duplicate", "422": "Invalid input; `field` names the culprit",
};

export function openApiDocument(): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const op of Object.values(ops) as Operation[]) {
    const status = String(op.status ?? 200);
    const responses: JsonSchema = {
      [status]: { description: "Success", content: { "application/json": { schema: schema(op.response, "output") } } },
    };
    for (const [code, description] of Object.entries(ERRORS)) {
      responses[code] = { description, content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };
    }
    paths[op.path] ??= {};
    paths[op.path][op.method.toLowerCase()] = {
      operationId: op.id,
      summary: op.summary,
      tags: [op.tag],
      ...(op.auth === "workspace" ? { "x-required-role": op.role ?? "viewer" } : {}),
      ...(op.auth === "public" ? { security: [] } : {}),
      parameters: parameters(op),
      ...(op.body ? { requestBody: { required: true, content: { "application/json": { schema: schema(op.body, "input") } } } } : {}),
      responses,
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Persona Studio API",
      version: "0.1.0",
      description:
        "The same JSON routes the studio UI uses. Authenticate with the session cookie from /api/auth/sign-in/email. " +
        "Errors are { error: { code, message, field? } }.",
    },
    servers: [{ url: "/" }],
    tags: [...new Set(Object.values(ops).map((o) => o.tag))].map((name) => ({ name })),
    paths,
    components: {
      schemas: { Error: schema(errorBodySchema, "output") },
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: "better-auth.session_token" },
        apiToken: { type: "http", scheme: "bearer", description: "A workspace API token (ps_…), for workspace routes only" },
      },
    },
    security: [{ session: [] }, { apiToken: [] }],
  };
}
