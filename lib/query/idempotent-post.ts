"use client";
import { useCallback, useRef } from "react";
import { api, ApiError } from "@/lib/query/api";

// Creating forms submit once. One hook instance lives in one dialog or form:
// - the same request (path and body) while it is in flight is not sent again:
//   a double click gets the first click's answer (a disabled button only takes
//   effect after React re-renders, which a fast double click beats);
// - it carries an Idempotency-Key that it keeps until an answer arrives, so a
//   retry after the network dropped the answer is the same request for the
//   server, which replays the first answer instead of creating a second thing;
// - any answer (created or refused) ends the key: the next submit is a new
//   request, and an edited body gets a new key (the server refuses a reused one).

type Pending = { request: string; key: string; inFlight: Promise<unknown> | null };

export function useIdempotentPost({ keyHeader = true }: { keyHeader?: boolean } = {}) {
  const pending = useRef<Pending | null>(null);
  return useCallback(
    <T,>(path: string, body: unknown): Promise<T> => {
      const request = `${path}\n${JSON.stringify(body ?? null)}`;
      if (pending.current?.request === request && pending.current.inFlight) return pending.current.inFlight as Promise<T>;
      if (pending.current?.request !== request) pending.current = { request, key: newKey(), inFlight: null };
      const current = pending.current;
      const answered = () => {
        if (pending.current === current) pending.current = null;
      };
      const send = async () => {
        try {
          const data = await api<T>("POST", path, body, keyHeader ? { idempotencyKey: current.key } : {});
          answered();
          return data;
        } catch (error) {
          // No answer (offline, aborted): keep the key so the retry cannot create a second one.
          if (error instanceof ApiError && error.status > 0) answered();
          throw error;
        } finally {
          current.inFlight = null;
        }
      };
      const promise = send();
      current.inFlight = promise;
      return promise;
    },
    [keyHeader],
  );
}

/** A random UUID; crypto.randomUUID needs a secure context, so plain-HTTP deployments fall back to getRandomValues. */
function newKey(): string {
  if (typeof crypto.randomUUID === "function") return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
