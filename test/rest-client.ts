import { Ajv2020 } from "ajv/dist/2020.js";
import { createParcoursClient } from "@/clients/typescript";
import { openApiDocument } from "@/server/openapi/document";
import { readdirSync } from "node:fs";
import path from "node:path";
import { callRoute } from "./rest-routes";
import { workspaceWorld } from "./rest-world";

type TDocOp = { responses: Record<string, { content?: { "application/json"?: { schema: unknown } } }> };
const doc = openApiDocument() as unknown as { paths: Record<string, Record<string, TDocOp>>; components: unknown };
const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
ajv.addSchema({ $id: "parcours", components: doc.components });

/** The public API's route handlers (app/api/v1), by method and route pattern. */
async function publicRoutes() {
  const dir = path.join(process.cwd(), "app", "api", "v1");
  const found = [];
  for (const file of readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => path.basename(f) === "route.ts")) {
    const mod = (await import(/* @vite-ignore */ path.join(dir, file))) as Record<string, Parameters<typeof callRoute>[0]["handler"]>;
    const route = `v1/${path.dirname(file).split(path.sep).join("/")}`;
    for (const method of ["GET", "POST", "PUT", "PATCH", "DELETE"]) if (typeof mod[method] === "function") found.push({ route, method, handler: mod[method] });
  }
  return found;
}
const routes = await publicRoutes();

const matcher = (template: string) => new RegExp(`^${template.replace(/\[(\w+)\]|\{(\w+)\}/g, "(?<$1$2>[^/]+)")}$`);

/** Problems of a real answer against the document: its status and body must be what the operation documents. */
export function undocumented(method: string, pathname: string, status: number, body: unknown): string | null {
  const found = Object.entries(doc.paths).find(([p, item]) => matcher(p).test(pathname) && item[method.toLowerCase()]);
  if (!found) return `${method} ${pathname} is not in the document`;
  const response = found[1][method.toLowerCase()]!.responses[String(status)];
  if (!response) return `${method} ${found[0]} answered ${status}, which it does not document`;
  const schema = response.content?.["application/json"]?.schema;
  if (!schema) return null;
  const validate = ajv.compile({ $ref: `parcours${(schema as { $ref: string }).$ref}` });
  return validate(body) ? null : `${method} ${found[0]} ${status}: ${ajv.errorsText(validate.errors)} in ${JSON.stringify(body).slice(0, 500)}`;
}

/**
 * A fetch that calls the app's route handlers in this process, as Next.js would, and fails
 * the test when an answer is not what the OpenAPI document says it is.
 */
export async function inProcessFetch(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const sub = url.pathname.replace(/^\/api\//, "");
  for (const route of routes) {
    const match = route.method === request.method ? matcher(route.route).exec(sub) : null;
    if (!match) continue;
    const params = Object.fromEntries(Object.entries(match.groups ?? {}).map(([k, v]) => [k, decodeURIComponent(v)]));
    const body = request.method === "GET" ? undefined : await request.text();
    const query = Object.fromEntries(url.searchParams);
    const res = await callRoute(route, { params, query, body: body || undefined, headers: Object.fromEntries(request.headers) });
    const text = await res.text();
    const problem = undocumented(request.method, url.pathname, res.status, text ? JSON.parse(text) : null);
    if (problem) throw new Error(problem);
    return new Response(text, { status: res.status, headers: res.headers });
  }
  throw new Error(`No route for ${request.method} ${url.pathname}`);
}

/** The typed client, on this process's routes, with a key. */
export const testClient = (apiKey: string) => createParcoursClient({ baseUrl: "http://127.0.0.1:3000", apiKey, fetch: inProcessFetch });

/** Two workspaces (test/rest-world.ts) and the typed client with A's secret key. */
export async function twoWorlds() {
  const [A, B] = await Promise.all([workspaceWorld("A"), workspaceWorld("B")]);
  return { A, B, api: testClient(A.secretKey) };
}
