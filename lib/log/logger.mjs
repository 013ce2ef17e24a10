// One structured logger for the web server, the API wrapper and the workers:
// one line per event, JSON (LOG_FORMAT=json, the default in production) for a
// log pipeline, or a short readable line (LOG_FORMAT=pretty, the default
// elsewhere). LOG_LEVEL: debug | info | warn | error | silent.
//
// Plain JS (with logger.d.mts) so scripts/server.mjs uses it without a build
// step. A tiny writer rather than pino: synchronous lines to stdout are plenty
// at our volume, and nothing here needs worker-thread transports, which Next's
// bundler does not carry without extra configuration.
//
// Secrets never reach a line: fields named like credentials are replaced, and
// key-looking text (sk-…, Bearer …) is hidden in every string, error messages
// and stacks included (the same patterns as lib/llm/redact.ts).

export const LEVELS = { debug: 20, info: 30, warn: 40, error: 50, silent: 100 };

const REDACTED = "[redacted]";
/** Field names whose values are never written ("tokens" and "promptTokens" are counts, and stay). */
const SECRET_FIELD = /pass(word)?|secret|token(?!s)|api[-_]?key|authorization|cookie|credential|^key$/i;
const KEY_PATTERNS = [/\b(?:sk|pk|rk)[-_][A-Za-z0-9_-]{16,}/g, /\bBearer\s+[A-Za-z0-9._~+/=-]{8,}/gi];
const MAX_DEPTH = 5;

/** Text with anything that looks like an API key or bearer token hidden. */
export function scrub(text) {
  let out = String(text);
  for (const pattern of KEY_PATTERNS) out = out.replace(pattern, REDACTED);
  return out;
}

function clean(value, depth = 0) {
  if (value instanceof Error) return serializeError(value, depth);
  if (typeof value === "string") return scrub(value);
  if (typeof value === "bigint") return value.toString();
  if (value === null || typeof value !== "object") return value;
  if (value instanceof Date) return value.toISOString();
  if (depth >= MAX_DEPTH) return "[…]";
  if (Array.isArray(value)) return value.map((v) => clean(v, depth + 1));
  const out = {};
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined) continue;
    out[k] = SECRET_FIELD.test(k) ? REDACTED : clean(v, depth + 1);
  }
  return out;
}

function serializeError(error, depth) {
  const out = { type: error.name, message: scrub(error.message) };
  if (error.code !== undefined) out.code = clean(error.code, depth + 1);
  if (error.stack) out.stack = scrub(error.stack);
  if (error.cause !== undefined && depth < MAX_DEPTH) out.cause = clean(error.cause, depth + 1);
  return out;
}

/** LOG_FORMAT and LOG_LEVEL, with the defaults: JSON in production, readable lines elsewhere; info (error only under tests). */
export function logSettings(environment = process.env) {
  const format = environment.LOG_FORMAT === "json" || environment.LOG_FORMAT === "pretty"
    ? environment.LOG_FORMAT
    : environment.NODE_ENV === "production" ? "json" : "pretty";
  const fallback = environment.NODE_ENV === "test" ? "error" : "info";
  const level = Object.hasOwn(LEVELS, environment.LOG_LEVEL ?? "") ? environment.LOG_LEVEL : fallback;
  return { format, level };
}

function pretty(line) {
  const { time, level, msg, err, ...rest } = line;
  const fields = Object.entries(rest).map(([k, v]) => `${k}=${typeof v === "string" ? v : JSON.stringify(v)}`).join(" ");
  const head = `${time.slice(11, 23)} ${level.toUpperCase().padEnd(5)} ${msg ?? ""}${fields ? ` ${fields}` : ""}`;
  return err ? `${head}\n${err.stack ?? `${err.type}: ${err.message}`}` : head;
}

/**
 * A logger: `log.info(fields?, message?)` writes one line; `log.child(fields)`
 * binds fields (a request id) to every line it writes. `write` receives whole
 * lines (default: process.stdout, stderr for warn and error in pretty format).
 */
export function createLogger({ format, level, write, bindings = {} } = {}) {
  // Unset format / level follow the environment at each line: scripts/server.mjs sets NODE_ENV after this module loads.
  const state = { format, level, write: write ?? defaultWrite };
  return makeLogger(state, clean(bindings));
}

function current(state) {
  if (state.format && state.level) return state;
  const settings = logSettings();
  return { format: state.format ?? settings.format, level: state.level ?? settings.level };
}

function defaultWrite(text, levelName, format) {
  const stream = format === "pretty" && LEVELS[levelName] >= LEVELS.warn ? process.stderr : process.stdout;
  stream.write(`${text}\n`);
}

function makeLogger(state, bindings) {
  const emit = (levelName) => (fields, msg) => {
    const { format, level } = current(state);
    if (LEVELS[levelName] < LEVELS[level]) return;
    if (typeof fields === "string") [fields, msg] = [{}, fields];
    if (fields instanceof Error) fields = { err: fields };
    const line = { time: new Date().toISOString(), level: levelName, ...bindings, ...clean(fields ?? {}) };
    if (msg !== undefined) line.msg = scrub(msg);
    state.write(format === "json" ? JSON.stringify(line) : pretty(line), levelName, format);
  };
  return {
    debug: emit("debug"),
    info: emit("info"),
    warn: emit("warn"),
    error: emit("error"),
    child: (more) => makeLogger(state, { ...bindings, ...clean(more) }),
    isLevelEnabled: (levelName) => LEVELS[levelName] >= LEVELS[current(state).level],
    /** Sends this logger's lines (and its children's) elsewhere; returns a function that undoes it. For tests and embedders. */
    redirect: (options) => {
      const before = { ...state };
      Object.assign(state, Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)));
      return () => Object.assign(state, before);
    },
  };
}

const LOGGER = Symbol.for("persona-studio.logger");

/** The process's logger, shared by every bundle in the process (Next's server bundle, the custom server, the worker). */
export const logger = (globalThis[LOGGER] ??= createLogger());
