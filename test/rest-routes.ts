import { readdirSync } from "node:fs";
import path from "node:path";
import type { TPermission } from "@/server/auth/permissions";
import { ingestCalls } from "@/server/ingestion/ingest-calls";
import { findProfileId } from "@/server/profiles/get-profile";
import type { TWorld } from "./rest-world";

/**
 * Who may call a route: a workspace key of a kind; a signed-in member whose role has a
 * permission; a provider's signature on one channel configuration; or nobody in particular
 * (public, Auth.js's own sign-in endpoints, the Inngest serve endpoint, which the SDK guards);
 * a readiness probe (public, 200 or 503); or the operator's metrics token.
 */
export type TAccess =
  | { kind: "writeKey" | "secretKey" | "anyKey" }
  | { kind: "session"; permission: TPermission }
  | { kind: "trpcSession" | "providerSignature" | "public" | "authjs" | "inngest" | "probe" | "metricsToken" };

type TParams = Record<string, string | string[]>;

export interface TRouteSpec {
  access: TAccess;
  /** Path parameters naming things of the world's workspace (another workspace's are refused). */
  params?: (w: TWorld) => TParams | Promise<TParams>;
  query?: (w: TWorld) => Record<string, string>;
  /** A body the route accepts: JSON for an object, as is for a string. */
  body?: (w: TWorld) => unknown;
}

const writeKey: TAccess = { kind: "writeKey" };
const secretKey: TAccess = { kind: "secretKey" };
const session = (permission: TPermission): TAccess => ({ kind: "session", permission });

async function freshProfile(w: TWorld) {
  const userId = `p-${crypto.randomUUID()}`;
  await ingestCalls(w.workspaceId, [{ type: "identify", userId, traits: {} }]);
  return (await findProfileId(w.workspaceId, "external_id", userId))!;
}

/** Every route file under app/api, each method it exports: the inventory test fails on a route missing here. */
export const REST_ROUTES: Record<string, TRouteSpec> = {
  "v1/identify POST": { access: writeKey, body: () => ({ userId: "42", traits: { plan: "gold" } }) },
  "v1/track POST": { access: writeKey, body: () => ({ userId: "42", event: "Bought", properties: { sku: "A", price: 3 } }) },
  "v1/page POST": { access: writeKey, body: () => ({ anonymousId: "a-1", name: "Home", properties: { path: "/" } }) },
  "v1/screen POST": { access: writeKey, body: () => ({ userId: "42", name: "Cart", properties: {} }) },
  "v1/group POST": { access: writeKey, body: () => ({ userId: "42", groupId: "acme", traits: { size: 3 } }) },
  "v1/alias POST": { access: writeKey, body: () => ({ previousId: "a-1", userId: "42" }) },
  "v1/batch POST": { access: writeKey, body: () => ({ batch: [{ type: "track", userId: "42", event: "Bought" }, { type: "identify", userId: "43", traits: { city: "Lagos" } }] }) },
  "v1/workspace GET": { access: { kind: "anyKey" } },
  "v1/openapi.json GET": { access: { kind: "public" } },
  "v1/campaigns/[id]/trigger POST": {
    access: secretKey,
    params: (w) => ({ id: w.campaignId }),
    body: () => ({ recipient: { email: "buyer@example.com", attributes: { firstName: "Bo" } }, context: { orderId: "o-1" } }),
  },
  "v1/lists/[id]/members POST": { access: secretKey, params: (w) => ({ id: w.listId }), body: () => ({ profiles: ["external_id:42"] }) },
  "v1/lists/[id]/members DELETE": { access: secretKey, params: (w) => ({ id: w.listId }), body: () => ({ profiles: ["external_id:42"] }) },
  "v1/messages/[id] GET": { access: secretKey, params: (w) => ({ id: w.messageId }) },
  "v1/profiles/[id] GET": { access: secretKey, params: (w) => ({ id: w.profileId }) },
  "v1/profiles/[id] DELETE": { access: secretKey, params: async (w) => ({ id: await freshProfile(w) }) },
  "v1/campaigns GET": { access: secretKey, query: () => ({ type: "api", limit: "5" }) },
  "v1/campaigns/[id] GET": { access: secretKey, params: (w) => ({ id: w.campaignId }) },
  "v1/campaigns/[id]/trigger/batch POST": {
    access: secretKey,
    params: (w) => ({ id: w.campaignId }),
    body: () => ({ recipients: [{ recipient: { email: "buyer@example.com" }, context: { orderId: "o-1" } }, { recipient: { externalId: "42" }, context: { orderId: "o-2" } }] }),
  },
  "v1/messages GET": { access: secretKey, query: (w) => ({ profile: w.profileId }) },
  "v1/events GET": { access: secretKey, query: () => ({ profile: "external_id:42", limit: "10" }) },
  "v1/profiles GET": { access: secretKey, query: () => ({ search: "ada" }) },
  "v1/profiles/[id] PATCH": { access: secretKey, params: (w) => ({ id: w.profileId }), body: () => ({ attributes: { plan: "gold", city: null } }) },
  "v1/profiles/[id]/merge POST": { access: secretKey, params: (w) => ({ id: w.profileId }), body: async (w) => ({ from: await freshProfile(w) }) },
  "v1/audiences GET": { access: secretKey, query: () => ({ kind: "list" }) },
  "v1/audiences/[id] GET": { access: secretKey, params: (w) => ({ id: w.listId }) },
  "v1/audiences/[id]/count GET": { access: secretKey, params: (w) => ({ id: w.listId }) },
  "v1/audiences/[id]/members GET": { access: secretKey, params: (w) => ({ id: w.listId }), query: () => ({ limit: "10" }) },
  "v1/templates GET": { access: secretKey, query: () => ({ kind: "email" }) },
  "v1/templates/[id] GET": { access: secretKey, params: (w) => ({ id: w.templateId }) },
  "v1/templates/[id]/preview POST": { access: secretKey, params: (w) => ({ id: w.templateId }), body: () => ({ profile: "external_id:42", context: { orderId: "o-1" } }) },
  "v1/journeys GET": { access: secretKey, query: () => ({ status: "draft" }) },
  "v1/journeys/[id] GET": { access: secretKey, params: (w) => ({ id: w.journeyId }) },
  "v1/journeys/[id]/stats GET": { access: secretKey, params: (w) => ({ id: w.journeyId }) },
  "v1/suppressions GET": { access: secretKey, query: () => ({ channel: "email" }) },
  "v1/suppressions POST": { access: secretKey, body: () => ({ channel: "email", address: "gone@example.com" }) },
  "v1/suppressions DELETE": { access: secretKey, query: () => ({ channel: "email", address: "gone@example.com" }) },
  "v1/profiles/[id]/subscriptions GET": { access: secretKey, params: (w) => ({ id: w.profileId }) },
  "v1/profiles/[id]/subscriptions PUT": { access: secretKey, params: (w) => ({ id: w.profileId }), body: () => ({ channels: { email: "subscribed" } }) },
  "csv-imports POST": { access: session("audiences.manage"), query: (w) => ({ workspaceId: w.workspaceId, fileName: "people.csv" }), body: () => "email,name\nada@example.com,Ada\n" },
  "csv-imports/[importId]/errors GET": { access: session("audiences.read"), params: (w) => ({ importId: w.importId }), query: (w) => ({ workspaceId: w.workspaceId }) },
  "campaigns/[campaignId]/export GET": { access: session("campaigns.read"), params: (w) => ({ campaignId: w.campaignId }), query: (w) => ({ workspaceId: w.workspaceId }) },
  "webhooks/channels/[configurationId] POST": {
    access: { kind: "providerSignature" },
    params: (w) => ({ configurationId: w.configurationId }),
    body: () => ({ type: "email.delivered", created_at: "2026-01-02T03:04:05.000Z", data: { email_id: "re_1" } }),
  },
  "trpc/[trpc] GET": { access: { kind: "trpcSession" }, params: () => ({ trpc: "workspaces.get" }), query: (w) => ({ input: JSON.stringify({ json: { workspaceId: w.workspaceId } }) }) },
  "trpc/[trpc] POST": { access: { kind: "trpcSession" }, params: () => ({ trpc: "workspaces.update" }), body: (w) => ({ json: { workspaceId: w.workspaceId, name: "Renamed" } }) },
  "auth/[...nextauth] GET": { access: { kind: "authjs" }, params: () => ({ nextauth: ["session"] }) },
  "auth/[...nextauth] POST": { access: { kind: "authjs" }, params: () => ({ nextauth: ["callback", "credentials"] }), body: () => "email=ada%40example.com&password=x" },
  "inngest GET": { access: { kind: "inngest" } },
  "inngest POST": {
    access: { kind: "inngest" },
    query: () => ({ fnId: "parcours-maintenance.prune-sign-in-failures", stepId: "step" }),
    body: () => {
      const event = { name: "parcours/maintenance.requested", data: { task: "prune-sign-in-failures" } };
      return { event, events: [event], steps: {}, ctx: { run_id: "r1", attempt: 0, max_attempts: 1, disable_immediate_execution: false, use_api: false, stack: { stack: [], current: 0 } }, version: 2 };
    },
  },
  "inngest PUT": { access: { kind: "inngest" } },
  "health GET": { access: { kind: "public" } },
  "ready GET": { access: { kind: "probe" } },
  "metrics GET": { access: { kind: "metricsToken" } },
};

const API_DIR = path.join(process.cwd(), "app", "api");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type THandler = (req: Request, ctx: { params: Promise<TParams> }) => Promise<Response> | Response;

/** `<route> <METHOD>` for every method exported by every app/api/**\/route.ts. */
export async function scanRoutes(): Promise<{ id: string; route: string; method: string; handler: THandler }[]> {
  const files = readdirSync(API_DIR, { recursive: true, encoding: "utf8" }).filter((f) => path.basename(f) === "route.ts");
  const found = [];
  for (const file of files.sort()) {
    const route = path.dirname(file).split(path.sep).join("/");
    const mod = (await import(/* @vite-ignore */ path.join(API_DIR, file))) as Record<string, unknown>;
    for (const method of METHODS) if (typeof mod[method] === "function") found.push({ id: `${route} ${method}`, route, method, handler: mod[method] as THandler });
  }
  return found;
}

export interface TCall {
  params?: TParams;
  query?: Record<string, string>;
  /** A string or bytes as they are; anything else as JSON; null for none. */
  body?: unknown;
  headers?: Record<string, string>;
}

// The URL is only the request's address here: the handler gets `params` as they are.
const urlSegment = (value: string) => encodeURIComponent(value.replace(/[\uD800-\uDFFF]/g, "\uFFFD"));

/** Calls a route's handler as Next.js would: a Request and its decoded path parameters. */
export async function callRoute(route: { route: string; method: string; handler: THandler }, call: TCall): Promise<Response> {
  const params = call.params ?? {};
  const pathname = route.route.replace(/\[(?:\.\.\.)?(\w+)\]/g, (_, name: string) => [params[name] ?? ""].flat().map(urlSegment).join("/"));
  const url = new URL(`http://127.0.0.1:3000/api/${pathname}`);
  for (const [k, v] of Object.entries(call.query ?? {})) url.searchParams.set(k, v);
  const raw = call.body;
  const body = raw === undefined || raw === null || route.method === "GET" ? undefined : typeof raw === "string" || raw instanceof Uint8Array ? raw : JSON.stringify(raw);
  const headers = { ...(typeof raw === "object" && raw !== null && !(raw instanceof Uint8Array) ? { "content-type": "application/json" } : {}), ...call.headers };
  const req = new Request(url, { method: route.method, body: body as BodyInit | undefined, headers });
  return route.handler(req, { params: Promise.resolve(params) });
}
