// `--busy`: keep the machine's other core busy while a bench measures (issue 15:
// probe wall and preview overhead are judged with the other core loaded). A
// child process spinning on pure computation, killed when the bench exits.
import { spawn, type ChildProcess } from "node:child_process";
import os from "node:os";

let burner: ChildProcess | null = null;

/** Starts one spinning child (idempotent); returns a note for the bench's header. */
export function busyOtherCore(): string {
  if (!burner) {
    burner = spawn(process.execPath, ["-e", "let x = 0; for (;;) { x = (x * 1103515245 + 12345) % 2147483648; }"], { stdio: "ignore" });
    // Not a reason to stay alive: a bench whose work is done exits (and kills it on the way out).
    burner.unref();
    const stop = () => burner?.kill("SIGKILL");
    process.on("exit", stop);
    for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => { stop(); process.exit(130); });
  }
  return `the other core busy (a spinning child process; ${os.cpus().length} cores)`;
}
