import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, it } from "vitest";
import { importViolations } from "./import-boundary";

it("allows the SDK, packages and the plugin's own files; refuses host paths, other plugins and the kit", () => {
  const root = mkdtempSync(path.join(os.tmpdir(), "plugins-"));
  const folder = path.join(root, "acme");
  mkdirSync(path.join(folder, "testing"), { recursive: true });
  const write = (file: string, source: string) => writeFileSync(path.join(folder, file), source);
  write("index.ts", 'import { z } from "zod";\nimport { secret } from "../sdk";\nimport { x } from "./x";\nimport type { Db } from "@/db/client";\n');
  write("x.ts", 'export { y } from "../other-plugin/y";\nconst k = await import("../sdk/testing");\nimport "../../server/secrets";\n');
  write("acme.test.ts", 'import { runPluginContract } from "../sdk/testing";\n');
  write("testing/fake.ts", 'import { startFakeServer } from "../../sdk/testing";\n');
  expect(importViolations(folder).sort()).toEqual(["index.ts: @/db/client", "x.ts: ../../server/secrets", "x.ts: ../other-plugin/y", "x.ts: ../sdk/testing"]);
});
