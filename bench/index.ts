import { writeFileSync, mkdirSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { cpuCalibration } from "./cpu-calibration";

// `npm run bench` runs every benchmark; `npm run bench -- <name>` runs one.
const benchmarks: Record<string, () => Promise<Record<string, unknown>>> = {
  "test-db": async () => (await import("./test-db")).run(),
  workflows: async () => (await import("./workflows")).run(),
  "workflows-waits": async () => (await import("./workflows-waits")).run(),
  ingest: async () => (await import("./ingest")).run(),
  audience: async () => (await import("./audience")).run(),
  csv: async () => (await import("./csv")).run(),
  send: async () => (await import("./send")).run(),
  render: async () => (await import("./render")).run(),
  campaign: async () => (await import("./campaign")).run(),
  journey: async () => (await import("./journey")).run(),
  "journey-reactions": async () => (await import("./journey-reactions")).run(),
  "runs-page": async () => (await import("./runs-page")).run(),
  home: async () => (await import("./home")).run(),
};

async function main() {
  const wanted = process.argv.slice(2);
  const names = wanted.length ? wanted : Object.keys(benchmarks);
  for (const name of names) {
    const bench = benchmarks[name];
    if (!bench) {
      console.error(`Unknown benchmark "${name}". Known: ${Object.keys(benchmarks).join(", ")}`);
      process.exit(2);
    }
    console.log(`# ${name}`);
    const calibrationBefore = cpuCalibration();
    const figures = await bench();
    const calibration = { hmacMicrosBefore: calibrationBefore, hmacMicrosAfter: cpuCalibration() };
    const result = {
      name,
      at: new Date().toISOString(),
      machine: { cpus: os.cpus().length, model: os.cpus()[0]?.model, memoryGb: Math.round(os.totalmem() / 2 ** 30), node: process.version, calibration },
      figures,
    };
    mkdirSync(path.join("bench", "results"), { recursive: true });
    writeFileSync(path.join("bench", "results", `${name}.json`), `${JSON.stringify(result, null, 2)}\n`);
    console.log(JSON.stringify(figures, null, 2));
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
