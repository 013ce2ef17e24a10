// Types for lib/log/request-id.mjs.
export const REQUEST_ID_HEADER: "x-request-id";
export function requestIdFrom(incoming: string | string[] | null | undefined): string;
