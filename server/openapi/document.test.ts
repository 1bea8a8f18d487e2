import { readdirSync } from "node:fs";
import path from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/openapi.json/route";
import { ZTriggerBody } from "@/server/api-campaigns/trigger-schema";

type TOp = { operationId?: string; requestBody?: { content: Record<string, { schema: unknown }> }; responses: Record<string, { content?: Record<string, { schema: unknown }> }> };
type TDoc = { openapi: string; paths: Record<string, Record<string, TOp>>; components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> } };
const doc = (await GET().json()) as TDoc;

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
const shapeOf = (p: string) => p.replace(/\{[^}]+\}/g, "{}");

/** `METHOD /path` of every route file under app/api/v1 and app/v1, path parameters unnamed. */
async function fileRoutes(): Promise<string[]> {
  const found: string[] = [];
  for (const base of ["api/v1", "v1"]) {
    const dir = path.join(process.cwd(), "app", base);
    for (const file of readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => path.basename(f) === "route.ts")) {
      const mod = (await import(/* @vite-ignore */ path.join(dir, file))) as Record<string, unknown>;
      const route = `/${base}/${path.dirname(file).split(path.sep).join("/")}`.replace(/\/\.$/, "").replace(/\[(\w+)\]/g, "{}");
      for (const m of METHODS) if (typeof mod[m] === "function") found.push(`${m} ${route}`);
    }
  }
  return found.sort();
}

const documented = () => Object.entries(doc.paths).flatMap(([p, item]) => Object.keys(item).filter((k) => METHODS.includes(k.toUpperCase() as never)).map((m) => `${m.toUpperCase()} ${shapeOf(p)}`)).sort();

describe("OpenAPI document", () => {
  it("documents every route file's every method, and nothing else", async () => {
    expect(documented()).toEqual(await fileRoutes());
  });

  it("gives every operation an id, a success response with a schema, and resolvable references", () => {
    const refs = JSON.stringify(doc).match(/#\/components\/schemas\/[\w.-]+/g) ?? [];
    for (const ref of refs) expect(doc.components.schemas, ref).toHaveProperty(ref.split("/").pop()!);
    const ids = new Set<string>();
    for (const [p, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        if (!METHODS.includes(method.toUpperCase() as never)) continue;
        expect(op.operationId, `${method} ${p}`).toBeTruthy();
        expect(ids.has(op.operationId!), `duplicate ${op.operationId}`).toBe(false);
        ids.add(op.operationId!);
        const success = Object.entries(op.responses).filter(([code]) => code.startsWith("2"));
        expect(success.length, `${method} ${p}`).toBe(1);
        expect(success[0]![1].content?.["application/json"]?.schema, `${method} ${p} success schema`).toBeTruthy();
      }
    }
  });

  it("gives examples its own schemas accept", () => {
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    ajv.addSchema({ $id: "doc", components: doc.components });
    const examples = JSON.stringify(doc.paths).match(/"example":/g)?.length ?? 0;
    let checked = 0;
    for (const item of Object.values(doc.paths)) {
      for (const op of Object.values(item)) {
        const bodies = [op.requestBody, ...Object.values(op.responses ?? {})] as ({ content?: Record<string, { schema?: { $ref?: string }; example?: unknown }> } | undefined)[];
        for (const media of bodies.map((b) => b?.content?.["application/json"])) {
          if (!media || media.example === undefined || !media.schema?.$ref) continue;
          const validate = ajv.compile({ $ref: `doc${media.schema.$ref}` });
          expect(validate(media.example), `${media.schema.$ref}: ${ajv.errorsText(validate.errors)}`).toBe(true);
          checked++;
        }
      }
    }
    expect(checked).toBe(examples);
    expect(checked).toBeGreaterThan(10);
  });

  it("is OpenAPI 3.1 with schemas from the routes' zod schemas", () => {
    expect(doc.openapi).toBe("3.1.0");
    const trigger = doc.components.schemas.TriggerBody!;
    expect(Object.keys(trigger.properties!)).toEqual(Object.keys(ZTriggerBody.shape));
    expect(trigger.required).toContain("recipient");
    expect(doc.components.schemas.Track!.properties).toHaveProperty("event");
    expect(JSON.stringify(doc)).not.toContain("undefined");
  });
});
