import { mkdirSync } from "node:fs";
import path from "node:path";

/** The folder holding embedded state: the PGlite database and generated keys. */
export function dataDir(): string {
  const dir = path.resolve(process.env.PARCOURS_DATA_DIR ?? ".parcours");
  mkdirSync(dir, { recursive: true });
  return dir;
}
