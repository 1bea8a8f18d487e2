import { z } from "zod";
import { audienceMembersPage, getAudience, listAudiences } from "@/server/audiences/query-audiences";
import { ZIdParams, ZJsonObject, ZNullableTimestamp, ZPageQuery, ZTimestamp, pageOut, pageSchema } from "./common-schemas";
import { uuidOr404 } from "./not-found";
import { defineOperation } from "./operation";
import { restPageOf } from "./page-rows";

const ZKind = z.enum(["rules", "list"]).describe("`rules`: profiles matching conditions; `list`: a static list");
const ZAudienceSummary = z.object({ id: z.uuid(), name: z.string(), description: z.string().nullable(), kind: ZKind, count: z.number().int().nullable().describe("Lists: members now; rules: as last counted"), countedAt: ZNullableTimestamp, updatedAt: ZTimestamp });
const ZAudience = ZAudienceSummary.extend({ count: z.number().int().nullable().describe("Members, counted now"), rules: ZJsonObject.nullable(), createdAt: ZTimestamp });
const ZMember = z.object({ id: z.uuid(), email: z.string().nullable(), externalId: z.string().nullable(), attributes: ZJsonObject });

export const listAudiencesOp = defineOperation({
  method: "GET",
  path: "/api/v1/audiences",
  tag: "Audiences",
  summary: "List audiences and static lists",
  description: "Most recently changed first; `kind=list` for static lists only.",
  keys: ["secret"],
  query: ZPageQuery.extend({ kind: ZKind.optional() }),
  responseName: "AudiencePage",
  response: pageSchema(ZAudienceSummary),
  errors: [400],
  handler: async ({ workspace, query }) => {
    const all = (await listAudiences(workspace.id)).filter((a) => !query.kind || a.kind === query.kind);
    return restPageOf(all, query, (a) => a.updatedAt);
  },
});

export const getAudienceOp = defineOperation({
  method: "GET",
  path: "/api/v1/audiences/{id}",
  tag: "Audiences",
  summary: "Get an audience with its size counted now",
  keys: ["secret"],
  params: ZIdParams,
  responseName: "Audience",
  response: ZAudience,
  errors: [404],
  handler: async ({ workspace, params }) => {
    const a = await getAudience(workspace.id, uuidOr404(params.id, "Audience"));
    return { ...a, count: a.lastCount, rules: a.rules as Record<string, unknown> | null };
  },
});

export const audienceCountOp = defineOperation({
  method: "GET",
  path: "/api/v1/audiences/{id}/count",
  tag: "Audiences",
  summary: "Count an audience's members now",
  description: "A list's members, or the profiles matching a rules audience now (the count is kept as the audience's last count).",
  keys: ["secret"],
  params: ZIdParams,
  responseName: "AudienceCount",
  response: z.object({ count: z.number().int(), countedAt: ZTimestamp }),
  errors: [404],
  handler: async ({ workspace, params }) => ({ count: (await getAudience(workspace.id, uuidOr404(params.id, "Audience"))).lastCount ?? 0, countedAt: new Date() }),
});

export const audienceMembersOp = defineOperation({
  method: "GET",
  path: "/api/v1/audiences/{id}/members",
  tag: "Audiences",
  summary: "An audience's members, a page at a time",
  description: "A list's members newest first; a rules audience's matching profiles, most recently updated first.",
  keys: ["secret"],
  params: ZIdParams,
  query: ZPageQuery,
  responseName: "AudienceMemberPage",
  response: pageSchema(ZMember),
  errors: [400, 404],
  handler: async ({ workspace, params, query }) => {
    const page = await audienceMembersPage(workspace.id, uuidOr404(params.id, "Audience"), query.cursor, query.limit);
    return pageOut(page.members, page.nextCursor);
  },
});
