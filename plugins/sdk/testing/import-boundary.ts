import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(?\s*)["']([^"']+)["']/g;

/**
 * The imports of a plugin's non-test files that break the rule "a plugin imports only
 * plugins/sdk and its vendor library": host paths (`@/...`, `server/`, `db/`), other
 * plugins, or the SDK's test kit. Each as "file: specifier". Tests (`*.test.ts`) and test
 * support (a `testing/` folder, e.g. a provider fake) may import dev dependencies and the kit.
 */
export function importViolations(folder: string): string[] {
  const sdk = path.resolve(folder, "../sdk");
  const files = readdirSync(folder, { recursive: true, encoding: "utf8" }).filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) && !f.split(path.sep).includes("testing"));
  const violations: string[] = [];
  for (const file of files) {
    const source = readFileSync(path.join(folder, file), "utf8");
    for (const [, specifier] of source.matchAll(SPECIFIER)) {
      if (specifier && !allowed(specifier, path.dirname(path.join(folder, file)), folder, sdk)) violations.push(`${file}: ${specifier}`);
    }
  }
  return violations;
}

function allowed(specifier: string, from: string, folder: string, sdk: string): boolean {
  if (specifier.startsWith("@/") || specifier.startsWith("~/")) return false;
  if (!specifier.startsWith(".")) return true;
  const target = path.resolve(from, specifier);
  const inside = (dir: string) => target === dir || target.startsWith(dir + path.sep);
  return inside(folder) || (inside(sdk) && !inside(path.join(sdk, "testing")));
}
