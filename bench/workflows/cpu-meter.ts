import type { TBenchDatabase } from "./bench-database";

export interface TCpuFigures {
  wall_s: number;
  node_cpu_s: number;
  pg_cpu_s: number;
}

/**
 * Node CPU (process.cpuUsage: this process, all threads) and PostgreSQL backend CPU spent
 * while `work` runs. The backends must exist before and after (a warm pool): one that
 * connects in between is counted from its start, one that exits in between is lost.
 */
export async function measureCpu(database: TBenchDatabase | null, work: () => Promise<void>): Promise<TCpuFigures> {
  const pgBefore = database ? await database.backendCpuSeconds() : 0;
  const nodeBefore = process.cpuUsage();
  const t0 = performance.now();
  await work();
  const wall = (performance.now() - t0) / 1000;
  const node = process.cpuUsage(nodeBefore);
  const pgAfter = database ? await database.backendCpuSeconds() : 0;
  return { wall_s: round(wall, 3), node_cpu_s: round((node.user + node.system) / 1e6, 3), pg_cpu_s: round(pgAfter - pgBefore, 2) };
}

export const round = (x: number, digits: number) => Number(x.toFixed(digits));

export const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? 0;
