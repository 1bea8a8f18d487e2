import { z } from "zod";
import type { TOperation } from "@/server/rest/operation";
import { errorResponses, jsonOf, RATE_LIMIT_HEADERS } from "./responses";

type TSchemas = Record<string, unknown>;

/** JSON Schema of a zod schema, for the side of the exchange it describes. */
export function jsonSchemaOf(schema: z.ZodType, io: "input" | "output"): Record<string, unknown> {
  const { $schema: _s, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" }) as Record<string, unknown>;
  return rest;
}

/** Path or query parameters of an operation, one per property of its zod object. */
function parametersOf(schema: z.ZodObject | undefined, where: "path" | "query") {
  if (!schema) return [];
  const json = jsonSchemaOf(schema, "input") as { properties?: Record<string, { description?: string }>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, { description, ...property }]) => ({
    name,
    in: where,
    required: where === "path" || (json.required ?? []).includes(name),
    ...(description ? { description } : {}),
    schema: property,
  }));
}

const operationId = (op: TOperation) =>
  op.method.toLowerCase() +
  op.path
    .replace(/^\/api\/v1/, "")
    .split("/")
    .filter(Boolean)
    .map((part) => (part.startsWith("{") ? `By${cap(part.slice(1, -1))}` : cap(part.replace(/-(\w)/g, (_, c: string) => c.toUpperCase()))))
    .join("");
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The paths and component schemas of REST operations: request and response schemas from the zod schemas the routes use. */
export function operationPaths(ops: readonly TOperation[]): { paths: Record<string, Record<string, unknown>>; schemas: TSchemas } {
  const paths: Record<string, Record<string, unknown>> = {};
  const schemas: TSchemas = {};
  for (const op of ops) {
    schemas[op.responseName] = jsonSchemaOf(op.response, "output");
    if (op.body) schemas[op.bodyName ?? `${op.responseName}Body`] = jsonSchemaOf(op.body, "input");
    const parameters = [...parametersOf(op.params, "path"), ...parametersOf(op.query, "query")];
    (paths[op.path] ??= {})[op.method.toLowerCase()] = {
      operationId: operationId(op),
      tags: [op.tag],
      summary: op.summary,
      ...(op.description ? { description: op.description } : {}),
      security: op.keys.includes("write") ? [{ bearer: [] }, { writeKey: [] }] : [{ bearer: [] }],
      ...(parameters.length ? { parameters } : {}),
      ...(op.body ? { requestBody: { required: true, ...jsonOf(op.bodyName ?? `${op.responseName}Body`, op.bodyExample) } } : {}),
      responses: {
        [String(op.status ?? 200)]: { description: op.summary, headers: RATE_LIMIT_HEADERS, ...jsonOf(op.responseName, op.example) },
        ...errorResponses(401, 403, 429, ...op.errors),
      },
    };
  }
  return { paths, schemas };
}
