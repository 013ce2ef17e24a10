// Browser-side fetch wrapper for the studio's own JSON API. Errors come back as
// ApiError carrying the server's { code, message, field, details }.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export async function api<T>(
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE",
  path: string,
  body?: unknown,
  init: { signal?: AbortSignal; idempotencyKey?: string; onHeaders?: (headers: Headers) => void } = {},
): Promise<T> {
  let res: Response;
  const headers: Record<string, string> = {};
  if (body !== undefined) headers["content-type"] = "application/json";
  // A creating POST sent again with the same key is answered with the first answer (see idempotent-post.ts).
  if (init.idempotencyKey) headers["idempotency-key"] = init.idempotencyKey;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: init.signal,
      credentials: "same-origin",
    });
  } catch (e) {
    if ((e as Error).name === "AbortError") throw e;
    throw new ApiError(0, "network", "Cannot reach the studio server — check your connection");
  }
  if (res.status === 204) return undefined as T;
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    const err = data?.error;
    throw new ApiError(res.status, err?.code ?? "internal", err?.message ?? `Request failed (${res.status})`, err?.field, err?.details);
  }
  // Paged lists whose body is a plain array send the next page's cursor as the X-Next-Cursor header.
  init.onHeaders?.(res.headers);
  return data as T;
}

export const paths = {
  me: () => "/api/me",
  workspaces: () => "/api/workspaces",
  workspace: (ws: string) => `/api/workspaces/${ws}`,
  members: (ws: string) => `/api/workspaces/${ws}/members`,
  member: (ws: string, id: string) => `/api/workspaces/${ws}/members/${id}`,
  personas: (ws: string) => `/api/workspaces/${ws}/personas`,
  persona: (ws: string, id: string) => `/api/workspaces/${ws}/personas/${id}`,
  archive: (ws: string, id: string) => `/api/workspaces/${ws}/personas/${id}/archive`,
  versions: (ws: string, id: string) => `/api/workspaces/${ws}/personas/${id}/versions`,
  version: (ws: string, id: string, n: number) => `/api/workspaces/${ws}/personas/${id}/versions/${n}`,
  restore: (ws: string, id: string, n: number) => `/api/workspaces/${ws}/personas/${id}/versions/${n}/restore`,
  diff: (ws: string, id: string, from: string | number, to: string | number) =>
    `/api/workspaces/${ws}/personas/${id}/diff?from=${from}&to=${to}`,
};
