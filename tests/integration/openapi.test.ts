import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/openapi.json/route";
import { allOps } from "@/tests/factories/api";

type OpenApiOperation = {
  operationId: string;
  parameters: { name: string; in: string; required: boolean }[];
  requestBody?: { content: { "application/json": { schema: { type?: string; properties?: Record<string, unknown>; required?: string[] } } } };
  responses: Record<string, unknown>;
};
type Doc = { openapi: string; paths: Record<string, Record<string, OpenApiOperation>>; components: { schemas: Record<string, unknown> } };

async function fetchDoc(): Promise<Doc> {
  const res = GET();
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("application/json");
  return (await res.json()) as Doc;
}

describe("GET /api/openapi.json", () => {
  it("is an OpenAPI 3.1 document with the shared error schema", async () => {
    const doc = await fetchDoc();
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.components.schemas.Error).toBeDefined();
  });

  it("documents every operation in the registry under its path and method", async () => {
    const doc = await fetchDoc();
    for (const op of allOps) {
      const entry = doc.paths[op.path]?.[op.method.toLowerCase()];
      expect(entry, `${op.method} ${op.path}`).toBeDefined();
      expect(entry.operationId).toBe(op.id);
      expect(Object.keys(entry.responses)).toContain(String(op.status ?? 200));
    }
    const documented = Object.values(doc.paths).flatMap((methods) => Object.values(methods).map((o) => o.operationId));
    expect(documented.sort()).toEqual(allOps.map((op) => op.id).sort());
  });

  it("lists each path parameter as required", async () => {
    const doc = await fetchDoc();
    for (const op of allOps) {
      const names = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      const params = doc.paths[op.path][op.method.toLowerCase()].parameters.filter((p) => p.in === "path");
      expect(params.map((p) => p.name).sort(), op.id).toEqual(names.sort());
      expect(params.every((p) => p.required)).toBe(true);
    }
  });

  it("has a JSON request body schema exactly for the operations that take a body", async () => {
    const doc = await fetchDoc();
    for (const op of allOps) {
      const body = doc.paths[op.path][op.method.toLowerCase()].requestBody;
      if (!op.body) {
        expect(body, op.id).toBeUndefined();
        continue;
      }
      const schema = body?.content["application/json"].schema;
      expect(schema?.type, op.id).toBe("object");
      expect(Object.keys(schema?.properties ?? {}).length, op.id).toBeGreaterThan(0);
    }
    const draft = doc.paths["/api/workspaces/{workspaceId}/personas/{personaId}"].patch.requestBody!;
    expect(draft.content["application/json"].schema.required?.sort()).toEqual(["revision", "spec"]);
  });

  it("documents query parameters such as the list's sort", async () => {
    const doc = await fetchDoc();
    const list = doc.paths["/api/workspaces/{workspaceId}/personas"].get.parameters;
    expect(list.filter((p) => p.in === "query").map((p) => p.name).sort()).toEqual(["cursor", "limit", "q", "sort", "status"]);
  });
});
