import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";

/** A child process of the multi-process tests, with its stdout read line by line. */
export interface TChild {
  proc: ChildProcessWithoutNullStreams;
  exited: Promise<number | null>;
  /** Resolves with the first line not yet taken (already printed or to come) that passes `match`, and takes it. */
  line(match: (line: string) => boolean, timeoutMs?: number): Promise<string>;
  send(command: object): void;
}

const children = new Set<ChildProcessWithoutNullStreams>();

/** Kills whatever a failed test left running. */
export function killAll(): void {
  for (const child of children) child.kill("SIGKILL");
}

/** `npm run worker`'s entry (the web's start path for "web") as a child on `databaseUrl`. */
export function spawnChild(kind: "worker" | "web", databaseUrl: string, env: Record<string, string> = {}): TChild {
  const entry = kind === "worker" ? "server/workflows/worker/run-worker.ts" : "server/workflows/worker/testing/web-process.ts";
  const proc = spawn(process.execPath, ["--import", "tsx", entry], {
    env: { ...process.env, DATABASE_URL: databaseUrl, PARCOURS_SEED_DEMO: "0", ...(kind === "web" ? { PARCOURS_EXECUTOR: "off" } : {}), ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  children.add(proc);
  const lines: string[] = [];
  const waiters = new Set<() => void>();
  let buffer = "";
  proc.stdout.on("data", (chunk: Buffer) => {
    buffer += chunk.toString();
    const parts = buffer.split("\n");
    buffer = parts.pop()!;
    lines.push(...parts);
    for (const wake of waiters) wake();
  });
  proc.stderr.on("data", (chunk: Buffer) => process.stderr.write(`[${kind} ${proc.pid}] ${chunk}`));
  // "close", not "exit": every line it printed has been read by then.
  const exited = new Promise<number | null>((resolve) => proc.on("close", (code) => (children.delete(proc), resolve(code))));
  const line = (match: (line: string) => boolean, timeoutMs = 60_000) =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${kind} ${proc.pid}: no matching line within ${timeoutMs} ms`)), timeoutMs);
      const check = () => {
        const at = lines.findIndex(match);
        if (at < 0) return;
        const [found] = lines.splice(at, 1) as [string]; // taken: the next wait needs a line of its own
        clearTimeout(timer);
        waiters.delete(check);
        resolve(found);
      };
      waiters.add(check);
      void exited.then((code) => reject(new Error(`${kind} ${proc.pid} exited (${code}) before a matching line`)));
      check();
    });
  return { proc, exited, line, send: (command) => proc.stdin.write(`${JSON.stringify(command)}\n`) };
}
