// The CLI's HTTP client for the studio's JSON API (workspace routes, Bearer
// token) and the lookup of a persona by id, slug or exact name.

/** 0 = passed, 1 = flags matched --fail-on, 2 = usage or configuration, 3 = the API or the run failed. */
export const EXIT = { ok: 0, flagged: 1, usage: 2, api: 3 };

/** An error that ends the CLI with `exitCode` and prints `message`. */
export class CliError extends Error {
  constructor(exitCode, message) {
    super(message);
    this.exitCode = exitCode;
  }
}

/** The studio answered with an error status; `message` carries the server's own message. */
export class ApiError extends CliError {
  constructor(status, message, details) {
    super(EXIT.api, message);
    this.status = status;
    /** The error's `details` (e.g. the scenario import's line-numbered errors), when the server sent any. */
    this.details = details;
  }
}

const REQUEST_TIMEOUT_MS = 60_000;

function hintFor(status, message) {
  if (status === 401) return "check PERSONA_STUDIO_TOKEN (Members & settings → API tokens)";
  if (status === 404 && message === "Workspace not found") return "a token works only in the workspace it was made in: check PERSONA_STUDIO_WORKSPACE";
  return null;
}

export function createClient({ url, token, workspace }) {
  const base = `${url}/api/workspaces/${encodeURIComponent(workspace)}`;

  async function request(method, path, body) {
    let res;
    try {
      res = await fetch(`${base}${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, accept: "application/json", ...(body === undefined ? {} : { "content-type": "application/json" }) },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (e) {
      if (e.name === "TimeoutError") throw new CliError(EXIT.api, `The studio at ${url} did not answer ${method} ${path} within ${REQUEST_TIMEOUT_MS / 1000} s`);
      throw new CliError(EXIT.api, `Cannot reach the studio at ${url}: ${e.cause?.code ?? e.cause?.message ?? e.message}`);
    }
    const text = await res.text();
    let data = null;
    try {
      data = text ? JSON.parse(text) : null;
    } catch {
      // Not JSON (a proxy's error page): reported by status below.
    }
    if (!res.ok) {
      const error = data?.error;
      const where = error?.field ? ` (${error.field})` : "";
      const message = error?.message ?? res.statusText;
      const hint = hintFor(res.status, message);
      throw new ApiError(res.status, `${method} ${path} → ${res.status}: ${message}${where}${hint ? `\n  hint: ${hint}` : ""}`, error?.details);
    }
    return data;
  }

  return {
    get: (path) => request("GET", path),
    post: (path, body) => request("POST", path, body ?? {}),
  };
}

const describe = (p) => `  ${p.slug}  (${p.name}${p.latestVersion ? `, v${p.latestVersion}` : ", no version yet"}; id ${p.id})`;

/** A persona named by id, slug or exact name (case-insensitive); errors list the candidates. */
export async function resolvePersona(client, wanted) {
  // One page of up to 200 matches (the list pages with a cursor; a name this vague is ambiguous anyway).
  const { personas: list } = await client.get(`/personas?${new URLSearchParams({ q: wanted, status: "all", sort: "name", limit: "200" })}`);
  const lower = wanted.toLowerCase();
  // Most specific first: an id, then a slug (unique per workspace), then a name.
  for (const same of [(p) => p.id === wanted, (p) => p.slug.toLowerCase() === lower, (p) => p.name.toLowerCase() === lower]) {
    const found = list.filter(same);
    if (found.length === 1) return found[0];
    if (found.length > 1) {
      throw new CliError(EXIT.api, `"${wanted}" names ${found.length} personas; use a slug or id:\n${found.map(describe).join("\n")}`);
    }
  }
  // The search covers names and slugs, not ids: try the argument as an id.
  if (/^[A-Za-z0-9_-]{1,64}$/.test(wanted)) {
    try {
      return await client.get(`/personas/${encodeURIComponent(wanted)}`);
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 404) throw e;
    }
  }
  const near = list.slice(0, 10);
  throw new CliError(
    EXIT.api,
    `No persona matches "${wanted}" (by id, slug or exact name) in this workspace.${near.length ? `\nDid you mean:\n${near.map(describe).join("\n")}` : ""}`,
  );
}
