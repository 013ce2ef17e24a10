// What the CLI's commands share beyond the HTTP client: their usage errors, the
// whole-number options, and following a run until it ends — cancelling it when
// the timeout passes or CI stops the job, because its model calls cost money.

import { CliError, EXIT } from "./client.mjs";

/** A run in one of these states is over; anything else is still queued or running. */
export const TERMINAL = new Set(["completed", "failed", "cancelled"]);

const POLL_MS = 1000;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The usage error (exit 2) of `persona-studio <command>`: the message, then where its options are. */
export const usageError = (command) => (message) => new CliError(EXIT.usage, `${message}\nRun "persona-studio ${command} --help" for the options.`);

/** The value of --`name` as a whole number of at least `min`, or the command's usage error (`usage`) naming the option. */
export function wholeNumber(name, value, min, usage) {
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n < min) throw usage(`--${name} must be a whole number of at least ${min}, not "${value}"`);
  return n;
}

/**
 * Polls `runPath` until the run is completed, failed or cancelled, and returns its last state.
 * On SIGINT/SIGTERM it cancels the run (POST `${runPath}/cancel`) and exits 3; past `timeoutMs`
 * it cancels the run and throws (exit 3). `noun` names the run in those messages ("run",
 * "panel run"); `refresh` fetches the run once before the first check (the POST's answer may
 * lack what `onUpdate` shows); `onUpdate` sees every state fetched.
 */
export async function followRun({ client, run, runPath, timeoutMs, err, noun = "run", refresh = false, onUpdate = () => {}, pollMs = POLL_MS }) {
  const cancel = () => client.post(`${runPath}/cancel`).catch(() => undefined);
  const onSignal = (signal) => {
    err.write(`\n${signal}: cancelling ${noun} ${run.id}…\n`);
    void cancel().finally(() => process.exit(EXIT.api));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  try {
    const deadline = Date.now() + timeoutMs;
    if (refresh) {
      run = await client.get(runPath);
      onUpdate(run);
    }
    while (!TERMINAL.has(run.status)) {
      if (Date.now() > deadline) {
        await cancel();
        throw new CliError(EXIT.api, `Timed out after ${timeoutMs / 1000} s; ${noun} ${run.id} was cancelled (answers so far are kept in the studio).`);
      }
      await sleep(pollMs);
      run = await client.get(runPath);
      onUpdate(run);
    }
    return run;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
  }
}
