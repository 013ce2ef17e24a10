import { lookup as dnsLookup } from "node:dns/promises";
import { isIP } from "node:net";
import { pipeline, type Readable } from "node:stream";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import { Agent, request as undiciRequest, type Dispatcher } from "undici";
import { addressRange, describeRange } from "@/lib/llm/address-range";
import { LlmError } from "@/lib/llm/types";

// The fetch every OpenAI-compatible call goes through (handed to the SDK).
// Two guards against server-side request forgery:
// - redirects are never followed to another origin (a "model endpoint" that
//   answers 302 → http://169.254.169.254/… gets an error, not our request);
//   the same origin may redirect a few times;
// - with publicOnly (PROVIDER_NETWORK=public), every address a host resolves
//   to must be public unicast, and the connection is made to exactly the
//   addresses that were checked (the dispatcher's DNS lookup answers from the
//   pin), so a name cannot resolve to a public address for the check and to a
//   private one for the connection (DNS rebinding).

export type VettedAddress = { address: string; family: number };
/** A host and the checked addresses every connection to it must use. */
export type Pin = { hostname: string; addresses: VettedAddress[] };

export const MAX_SAME_ORIGIN_REDIRECTS = 3;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** A provider address PROVIDER_NETWORK=public forbids. Services turn it into a 422. */
export class AddressRefusedError extends Error {
  readonly code = "EPROVIDERNETWORK";
  constructor(
    readonly host: string,
    readonly range: string,
  ) {
    const what = isIP(host.replace(/^\[|\]$/g, "")) ? `${host} is` : `${host} resolves to`;
    super(`${what} ${describeRange(range)}; PROVIDER_NETWORK=public only allows model providers at public addresses`);
    this.name = "AddressRefusedError";
  }
}

const bare = (hostname: string) => hostname.replace(/^\[(.*)\]$/, "$1").toLowerCase();

/**
 * The addresses `hostname` resolves to, all of them public, or AddressRefusedError
 * naming the first that is not. DNS failures are thrown as they are (ENOTFOUND…).
 */
export async function resolvePublic(hostname: string): Promise<VettedAddress[]> {
  const host = bare(hostname);
  const literal = isIP(host);
  const addresses = literal ? [{ address: host, family: literal }] : await dnsLookup(host, { all: true, verbatim: true });
  if (addresses.length === 0) throw Object.assign(new Error(`${host} has no address`), { code: "ENOTFOUND" });
  for (const a of addresses) {
    const range = addressRange(a.address);
    if (range !== "unicast") throw new AddressRefusedError(hostname, range);
  }
  return addresses;
}

type LookupOptions = { family?: number | string; all?: boolean };
type LookupCallback = (err: Error | null, address?: string | VettedAddress[], family?: number) => void;

/** net.connect's `lookup`: answers from the pin, else resolves and vets (never an unchecked address). */
function vettedLookup(pin: Pin | null) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback) => {
    const answer = (all: VettedAddress[]) => {
      const family = options.family === 4 || options.family === "IPv4" ? 4 : options.family === 6 || options.family === "IPv6" ? 6 : 0;
      const usable = family ? all.filter((a) => a.family === family) : all;
      if (usable.length === 0) return callback(Object.assign(new Error(`${hostname} has no IPv${family} address`), { code: "ENOTFOUND" }));
      if (options.all) callback(null, usable);
      else callback(null, usable[0].address, usable[0].family);
    };
    if (pin && bare(hostname) === bare(pin.hostname)) return answer(pin.addresses);
    resolvePublic(hostname).then(answer, (e: Error) => callback(e));
  };
}

let anyNetworkAgent: Agent | null = null;

export type ProviderFetchOptions = {
  /** PROVIDER_NETWORK=public: refuse any address that is not public unicast. */
  publicOnly: boolean;
  /** Addresses already checked for the base URL's host (network-policy.ts); connections use only these. */
  pin?: Pin | null;
};

export type ProviderFetch = (input: string | URL | Request, init?: RequestInit) => Promise<Response>;

/**
 * A `RequestInit` key (the OpenAI SDK passes its per-request `fetchOptions` through):
 * a function called once, when the first request's bytes have been written to the
 * socket (undici's onRequestSent). On a reused keep-alive socket undici writes only
 * after one turn of the event loop (it first reads what the idle socket may hold), so
 * a caller cannot tell from its own code when the request has left.
 */
export const ON_SENT = Symbol("persona-studio.providerFetch.onSent");

export function providerFetch(options: ProviderFetchOptions): ProviderFetch {
  const dispatcher = options.publicOnly
    ? new Agent({ connect: { lookup: vettedLookup(options.pin ?? null) as never } })
    : (anyNetworkAgent ??= new Agent());
  return async (input, init) => {
    let url = new URL(input instanceof Request ? input.url : String(input));
    let request: RequestInit = { ...init };
    const wanted = (init as Record<symbol, unknown> | undefined)?.[ON_SENT];
    let onSent = typeof wanted === "function" ? (wanted as () => void) : null;
    const sentOnce = () => {
      const call = onSent;
      onSent = null;
      call?.();
    };
    for (let hop = 0; ; hop++) {
      // An IP literal is connected to without a lookup: check it here.
      if (options.publicOnly && isIP(bare(url.hostname))) await resolvePublic(url.hostname);
      const res = await send(url, request, onSent ? watchSent(dispatcher, sentOnce) : dispatcher);
      if (!REDIRECTS.has(res.status)) return res;
      await res.body?.cancel().catch(() => {});
      const location = res.headers.get("location");
      const next = location ? safeUrl(location, url) : null;
      // Where it pointed is not repeated: it may be an internal address.
      if (!next || next.origin !== url.origin) {
        throw new LlmError("redirected", `The endpoint redirected elsewhere (${res.status}); the redirect was not followed`, res.status);
      }
      if (hop >= MAX_SAME_ORIGIN_REDIRECTS) {
        throw new LlmError("redirected", `The endpoint redirected more than ${MAX_SAME_ORIGIN_REDIRECTS} times (${res.status})`, res.status);
      }
      if (res.status === 303 || ((res.status === 301 || res.status === 302) && request.method?.toUpperCase() === "POST")) {
        request = { ...request, method: "GET", body: undefined };
      }
      url = next;
    }
  };
}

/**
 * One request, without following redirects, answered as a fetch Response. It is
 * undici's plain `request` rather than its `fetch`: fetch's machinery (its
 * Request, streams and promise chain) cost about 0.5 ms of a live preview's
 * setup before the request left, and as much CPU on every probe call. The SDK
 * sends string bodies. Answers are asked for uncompressed (fetch asked for gzip
 * and inflated every answer, a few kilobytes of JSON); one compressed anyway is
 * decoded, as fetch would.
 */
async function send(url: URL, init: RequestInit, dispatcher: Dispatcher): Promise<Response> {
  const headers = { ...Object.fromEntries(new Headers(init.headers)), "accept-encoding": "identity" };
  const body = init.body;
  if (body != null && typeof body !== "string" && !(body instanceof Uint8Array)) {
    throw new TypeError("providerFetch sends string or byte bodies only");
  }
  const method = (init.method ?? "GET").toUpperCase() as Dispatcher.HttpMethod;
  const res = await undiciRequest(url, { method, headers, body, signal: init.signal ?? undefined, dispatcher });
  const out = new Headers();
  for (const [name, value] of Object.entries(res.headers)) {
    if (Array.isArray(value)) for (const v of value) out.append(name, v);
    else if (value !== undefined) out.append(name, value);
  }
  if (method === "HEAD" || res.statusCode === 204 || res.statusCode === 205 || res.statusCode === 304) {
    await res.body.dump();
    return new Response(null, { status: res.statusCode, headers: out });
  }
  const chunks = decoded(res.body, res.headers["content-encoding"])[Symbol.asyncIterator]();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await chunks.next();
      if (done) controller.close();
      else controller.enqueue(value as Uint8Array);
    },
    cancel() {
      // The reader gave up (an aborted preview, a timeout): close the connection; nothing waits for an error.
      res.body.on("error", () => {}).destroy();
    },
  });
  return new Response(stream, { status: res.statusCode, headers: out });
}

/**
 * `dispatcher`, telling `onSent` when a request it dispatches has been written. The
 * handler undici is given is the original behind a proxy that adds onRequestSent: its
 * methods run on the original, so its state stays in one object.
 */
function watchSent(dispatcher: Dispatcher, onSent: () => void): Dispatcher {
  return {
    dispatch(options: Dispatcher.DispatchOptions, handler: Dispatcher.DispatchHandler) {
      const watched = new Proxy(handler, {
        get(target, key) {
          if (key === "onRequestSent") {
            return () => {
              onSent();
              return (target as { onRequestSent?: () => unknown }).onRequestSent?.();
            };
          }
          const value = Reflect.get(target, key, target);
          return typeof value === "function" ? value.bind(target) : value;
        },
        has: (target, key) => key === "onRequestSent" || Reflect.has(target, key),
      });
      return dispatcher.dispatch(options, watched);
    },
  } as Dispatcher;
}

const DECODERS: Record<string, () => NodeJS.ReadWriteStream> = { gzip: createGunzip, "x-gzip": createGunzip, deflate: createInflate, br: createBrotliDecompress };

/** The body as sent, or decoded when the server compressed it (a coding it cannot decode fails the body). */
function decoded(body: Readable, encoding: string | string[] | undefined): AsyncIterable<unknown> {
  const coding = (Array.isArray(encoding) ? encoding.join(",") : encoding ?? "").trim().toLowerCase();
  if (!coding || coding === "identity") return body;
  const decoder = DECODERS[coding];
  if (!decoder) {
    body.on("error", () => {}).destroy(); // closes the connection; the call fails below
    throw new LlmError("invalid_output", `The endpoint answered in an encoding the studio cannot read (${coding.slice(0, 40)})`);
  }
  return pipeline(body, decoder(), () => {}) as unknown as AsyncIterable<unknown>;
}

function safeUrl(location: string, base: URL): URL | null {
  try {
    return new URL(location, base);
  } catch {
    return null;
  }
}
