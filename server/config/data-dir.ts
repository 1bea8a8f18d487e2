import { mkdirSync } from "node:fs";
import path from "node:path";

/** The folder holding embedded state: the PGlite database and generated keys. */
export function dataDir(): string {
  // Not traced by the build: a folder chosen at run time, or the standalone output would copy the whole project.
  const dir = path.resolve(/*turbopackIgnore: true*/ process.env.PARCOURS_DATA_DIR ?? ".parcours");
  mkdirSync(dir, { recursive: true });
  return dir;
}
