// GET /api/openapi.json – OpenAPI 3.1 document generated from the zod schemas
import { openApiDocument } from "@/lib/http/openapi";

export const dynamic = "force-static";

export function GET() {
  return Response.json(openApiDocument());
}

export * from "@/lib/http/method-not-allowed";
