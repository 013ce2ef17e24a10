import "server-only";

/**
 * A page of a list whose body stays a plain array (callers written before paging
 * keep working): the cursor of the next page, when there is one, goes in the
 * X-Next-Cursor header; pass it back as `cursor`.
 */
export function pagedArray<T>(page: { items: T[]; nextCursor: string | null }): Response {
  return Response.json(page.items, page.nextCursor ? { headers: { "X-Next-Cursor": page.nextCursor } } : undefined);
}
