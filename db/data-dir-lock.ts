import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * A PGlite folder must be opened by one process at a time. The lock names the process
 * holding it so the second one can say which server to stop.
 */
export function acquireDataDirLock(dir: string): () => void {
  mkdirSync(dir, { recursive: true });
  const lockFile = path.join(path.dirname(dir), `${path.basename(dir)}.lock`);
  if (existsSync(lockFile)) {
    const [pidText, command] = readFileSync(lockFile, "utf8").split("\n");
    const pid = Number(pidText);
    if (pid && pid !== process.pid && isAlive(pid)) {
      throw new Error(
        `The embedded database ${dir} is open in another process (pid ${pid}: ${command ?? "unknown"}). ` +
          `Stop that process first, or point both at a PostgreSQL server with DATABASE_URL.`,
      );
    }
  }
  writeFileSync(lockFile, `${process.pid}\n${process.argv.slice(1).join(" ")}`);
  const release = () => {
    try {
      const [pidText] = readFileSync(lockFile, "utf8").split("\n");
      if (Number(pidText) === process.pid) rmSync(lockFile);
    } catch {
      // already gone
    }
  };
  process.once("exit", release);
  return release;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
