import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";

/** Extra executor processes (sleeper-worker.ts) on the bench database: started, then told to start and stop work. */
export async function extraWorkers(n: number, env: { url: string; label: string; parallelism: number }) {
  const children: { child: ChildProcess; lines: AsyncIterator<string> }[] = [];
  for (let i = 0; i < n; i++) {
    const child = spawn(process.execPath, ["--max-semi-space-size=32", "--import", "tsx", "bench/workflows/sleeper-worker.ts"], {
      env: { ...process.env, BENCH_DATABASE_URL: env.url, BENCH_LABEL: env.label, BENCH_PARALLELISM: String(env.parallelism) },
      stdio: ["pipe", "pipe", "inherit"],
    });
    const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
    if ((await lines.next()).value !== "ready") throw new Error("bench worker did not start");
    children.push({ child, lines });
  }
  return {
    start: () => children.forEach(({ child }) => child.stdin!.write("start\n")),
    /** Stops them; their Node CPU seconds between start and stop, added up. */
    async stop(): Promise<number> {
      let cpu = 0;
      for (const { child, lines } of children) {
        child.stdin!.write("stop\n");
        cpu += (JSON.parse((await lines.next()).value as string) as { node_cpu_s: number }).node_cpu_s;
      }
      return cpu;
    },
  };
}
