// * /api/[...path] – no such API route: 404 in the documented error shape (not Next's HTML page)
import { AppError } from "@/lib/http/errors";
import { errorResponse } from "@/lib/http/handle";

const notFound = async () => errorResponse(new AppError("not_found", "No API route at this path; see /api/openapi.json"));

export const GET = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
