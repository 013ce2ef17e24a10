import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { connect, createServer as createNetServer, type AddressInfo } from "node:net";
import path from "node:path";
import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import Database from "better-sqlite3";

// Issue 10, items 4 and 11 against real servers: the e2e server (scripts/serve-e2e.mjs)
// and `npm start` itself, spawned here, both behind the custom server (scripts/server.mjs).

const root = path.resolve(__dirname, "../..");
const strong = "correct horse battery";

/** Whether `npm start` would serve the current build as is (scripts/lib.mjs decides; run apart, it is an ES module). */
function buildIsCurrent(): boolean {
  const check = "import('./scripts/lib.mjs').then((m) => process.exit(m.buildIsCurrent() ? 0 : 1))";
  return spawnSync(process.execPath, ["-e", check], { cwd: root }).status === 0;
}
/** A fresh client address per request, as in the reported attack (a single value: the form a limiter would believe). */
const spoof = (i: number) => ({ "x-forwarded-for": `198.51.100.${i % 250}`, "x-real-ip": `192.0.2.${i % 250}` });

async function signUp(api: APIRequestContext, origin: string, email: string) {
  const res = await api.post("/api/auth/sign-up/email", { headers: { origin }, data: { name: "Hardy Server", email, password: strong } });
  expect(res.status(), await res.text()).toBe(200);
}

function signIn(api: APIRequestContext, origin: string, email: string, password: string, headers: Record<string, string> = {}) {
  return api.post("/api/auth/sign-in/email", { headers: { origin, ...headers }, data: { email, password } });
}

test.describe("the e2e server", () => {
  test("records the socket address, not the X-Forwarded-For a client sends", async ({ request, baseURL }) => {
    const email = `socket-${Date.now()}@example.com`;
    await signUp(request, baseURL!, email);
    expect((await signIn(request, baseURL!, email, strong, { "x-forwarded-for": "6.6.6.6", "x-real-ip": "7.7.7.7" })).status()).toBe(200);
    const sessions = (await (await request.get("/api/auth/list-sessions")).json()) as { ipAddress: string | null }[];
    expect(sessions.length).toBeGreaterThan(0);
    for (const s of sessions) expect(s.ipAddress).toBe("127.0.0.1");
  });

  test("30 wrong sign-ins with rotating X-Forwarded-For: the account locks, even for the right password", async ({ request, baseURL }) => {
    const email = `brute-${Date.now()}@example.com`;
    await signUp(request, baseURL!, email);
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++) statuses.push((await signIn(request, baseURL!, email, `guess number ${i}`, spoof(i))).status());
    expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(6);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(20);

    const locked = await signIn(request, baseURL!, email, strong, spoof(99));
    expect(locked.status()).toBe(429);
    expect(Number(locked.headers()["retry-after"])).toBeGreaterThan(0);
    const body = (await locked.json()) as { error: { code: string }; message: string };
    expect(body.error.code).toBe("rate_limited");
    expect(body.message).toMatch(/Too many failed sign-ins/);
  });

  test("the sign-up form says why a common password is refused", async ({ page }) => {
    await page.goto("/sign-up");
    await expect(page.getByText(/Common or easily guessed passwords are refused/)).toBeVisible();
    await page.getByLabel("Name").fill("Weak Wendy");
    await page.getByLabel("Email").fill(`weak-${Date.now()}@example.com`);
    await page.getByLabel("Password").fill("password");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.locator("form").getByRole("alert")).toContainText("This password is too easy to guess. This is a heavily used password.");
    await expect(page).toHaveURL(/\/sign-up$/);
  });
});

// ---------------------------------------------------------------------------

async function freePort(): Promise<number> {
  const srv = createNetServer();
  await new Promise<void>((r) => srv.listen(0, "127.0.0.1", r));
  const { port } = srv.address() as AddressInfo;
  await new Promise((r) => srv.close(r));
  return port;
}

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.once("connect", () => { socket.destroy(); resolve(true); });
    socket.once("error", () => resolve(false));
  });
}

async function until<T>(what: string, check: () => Promise<T | null | false | undefined>, timeoutMs = 150_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const v = await check().catch(() => null);
    if (v) return v;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`timed out waiting for ${what}`);
}

test.describe("npm start", () => {
  test.describe.configure({ timeout: 240_000 });
  // `npm start` rebuilds when the build is stale; never let it rebuild under the e2e server's feet.
  test.skip(!buildIsCurrent(), "the production build is not current (npm test writes its fingerprint)");

  const tmp = path.join(root, "tests", ".tmp", `npm-start-${process.pid}`);
  let npm: ChildProcess | null = null;
  let model: Server | null = null;
  let log = "";

  test.afterAll(async () => {
    // If the test failed midway: npm's child stops by itself once npm is gone (scripts/start.mjs).
    if (npm && npm.exitCode === null && npm.signalCode === null) npm.kill("SIGKILL");
    model?.closeAllConnections();
    model?.close();
    rmSync(tmp, { recursive: true, force: true });
  });

  test("limits by the socket address; on SIGTERM to npm finishes requests in flight, releases the worker's lease, closes the port, exits 0", async () => {
    rmSync(tmp, { recursive: true, force: true });
    mkdirSync(tmp, { recursive: true });
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    const dbFile = path.join(tmp, "studio.db");
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), HOST: "127.0.0.1", BETTER_AUTH_URL: origin, DATABASE_URL: `file:${dbFile}`, PERSONA_STUDIO_DATA_DIR: path.join(tmp, "data") };
    for (const k of ["AUTH_RATE_LIMIT", "TRUSTED_PROXIES", "PROBE_WORKER", "COST_RATE_LIMIT", "NODE_ENV"]) delete env[k];

    npm = spawn("npm", ["start"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
    npm.stdout!.on("data", (d: Buffer) => (log += d));
    npm.stderr!.on("data", (d: Buffer) => (log += d));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => npm!.once("exit", (code, signal) => resolve({ code, signal })));

    const api = await playwrightRequest.newContext({ baseURL: origin });
    await until("npm start to serve", async () => (await api.get("/sign-in")).ok());
    expect(log).toContain("Production build is up to date");

    // better-auth's per-address limit (on in production) sees one client, whatever it claims to be.
    const statuses: number[] = [];
    for (let i = 0; i < 10; i++) statuses.push((await signIn(api, origin, `nobody-${i}@example.com`, "some guess here", spoof(i))).status());
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);

    // A probe run in flight on a model that never answers: its lease is held by the in-process worker.
    // The model server: chat calls never answer; the model list answers only when told to.
    let calls = 0;
    let listRequested = false;
    let answerList: () => void = () => {};
    model = createServer((req, res) => {
      if (!req.url?.endsWith("/models")) return void calls++;
      listRequested = true;
      answerList = () => res.writeHead(200, { "content-type": "application/json" }).end('{"object":"list","data":[{"id":"silent-1","object":"model"}]}');
    });
    await new Promise<void>((r) => model!.listen(0, "127.0.0.1", r));
    const modelPort = (model.address() as AddressInfo).port;
    await signUp(api, origin, `lease-${Date.now()}@example.com`);
    const me = (await (await api.get("/api/me")).json()) as { workspaces: { id: string }[] };
    const ws = `/api/workspaces/${me.workspaces[0].id}`;
    const post = async (url: string, data: unknown) => {
      const res = await api.post(url, { headers: { origin }, data });
      expect(res.status(), await res.text()).toBe(201);
      return (await res.json()) as { id: string };
    };
    const provider = await post(`${ws}/providers`, { name: "Silent", baseUrl: `http://127.0.0.1:${modelPort}/v1`, apiKey: "sk-silent-0123456789", defaultModel: "silent-1" });
    const persona = await post(`${ws}/personas`, { name: "Lease Holder" });
    const run = await post(`${ws}/personas/${persona.id}/probe-runs`, { targetProviderId: provider.id, traits: ["empathetic"], budgetPerTrait: 6, concurrency: 2 });
    await until("the worker to call the model", async () => calls > 0);
    const leaseOf = () => {
      const db = new Database(dbFile, { readonly: true });
      try {
        return db.prepare("SELECT status, leaseOwner FROM ProbeRun WHERE id = ?").get(run.id) as { status: string; leaseOwner: string | null };
      } finally {
        db.close();
      }
    };
    expect(leaseOf().leaseOwner).toMatch(/^worker-/);

    // A request in flight when the signal arrives ("test connection", waiting on the model list) still gets its answer.
    const inFlight = api.post(`${ws}/providers/test`, { headers: { origin }, data: { baseUrl: `http://127.0.0.1:${modelPort}/v1`, apiKey: "sk-silent-0123456789" } });
    await until("the studio to ask the model for its list", async () => listRequested);

    npm.kill("SIGTERM");
    await until("the server to start draining", async () => log.includes("SIGTERM: no new connections"));
    answerList();
    const answered = await inFlight;
    expect(answered.status()).toBe(200);
    expect(await answered.json()).toMatchObject({ ok: true, models: ["silent-1"] });
    await api.dispose();

    const { code, signal } = await exited;
    expect({ code, signal }, log).toEqual({ code: 0, signal: null });
    expect(await portOpen(port)).toBe(false);
    expect(log).toContain("SIGTERM: no new connections");
    expect(leaseOf()).toEqual({ status: "running", leaseOwner: null });
  });
});
