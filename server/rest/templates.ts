import { z } from "zod";
import { BODY_LIMITS } from "@/server/http/body-limits";
import { resolveProfileRef } from "@/server/profiles/profile-ref";
import { previewTemplate } from "@/server/templates/preview-template";
import { getTemplate, listTemplates } from "@/server/templates/query-templates";
import { TEMPLATE_KINDS } from "@/server/templates/template-kinds";
import { ZIdParams, ZJsonObject, ZPageQuery, ZProfileRef, ZTimestamp, pageSchema } from "./common-schemas";
import { uuidOr404 } from "./not-found";
import { defineOperation } from "./operation";
import { restPageOf } from "./page-rows";
import { renderedFields, ZRenderedFields } from "./rendered-fields";

const ZTemplateSummary = z.object({ id: z.uuid(), kind: z.enum(TEMPLATE_KINDS), name: z.string(), version: z.number().int().describe("Bumped by every edit"), updatedAt: ZTimestamp });
const ZTemplate = ZTemplateSummary.extend({ content: ZJsonObject.describe("The content, with Liquid merge tags as written"), createdAt: ZTimestamp });

export const listTemplatesOp = defineOperation({
  method: "GET",
  path: "/api/v1/templates",
  tag: "Templates",
  summary: "List templates",
  description: "Most recently changed first, without their content; filter by `kind`.",
  keys: ["secret"],
  query: ZPageQuery.extend({ kind: z.enum(TEMPLATE_KINDS).optional() }),
  responseName: "TemplatePage",
  response: pageSchema(ZTemplateSummary),
  errors: [400],
  handler: async ({ workspace, query }) => restPageOf((await listTemplates(workspace.id, query.kind)) as z.input<typeof ZTemplateSummary>[], query, (t) => t.updatedAt),
});

export const getTemplateOp = defineOperation({
  method: "GET",
  path: "/api/v1/templates/{id}",
  tag: "Templates",
  summary: "Get a template with its content",
  keys: ["secret"],
  params: ZIdParams,
  responseName: "Template",
  response: ZTemplate,
  errors: [404],
  handler: async ({ workspace, params }) => {
    const t = await getTemplate(workspace.id, uuidOr404(params.id, "Template"));
    return { ...t, kind: t.kind as (typeof TEMPLATE_KINDS)[number] };
  },
});

export const previewTemplateOp = defineOperation({
  method: "POST",
  path: "/api/v1/templates/{id}/preview",
  tag: "Templates",
  summary: "Render a template for a profile and a context",
  description: "Liquid is rendered as a send would (`{{ profile.firstName }}`, `{{ context.orderId }}`, `{{ event.product }}`), without tracking links; nothing is sent or stored.",
  keys: ["secret"],
  params: ZIdParams,
  body: z.object({ profile: ZProfileRef.optional(), context: ZJsonObject.optional(), event: ZJsonObject.optional() }),
  bodyLimit: BODY_LIMITS.restCall,
  bodyName: "TemplatePreviewBody",
  responseName: "TemplatePreview",
  response: ZRenderedFields.extend({ kind: z.enum(TEMPLATE_KINDS), content: ZJsonObject.describe("The whole rendered content") }),
  errors: [400, 404, 413],
  handler: async ({ workspace, params, body }) => {
    const t = await getTemplate(workspace.id, uuidOr404(params.id, "Template"));
    const profileId = body.profile ? await resolveProfileRef(workspace.id, body.profile) : null;
    const kind = t.kind as (typeof TEMPLATE_KINDS)[number];
    const content = (await previewTemplate(workspace.id, { kind, content: t.content, profileId, context: body.context, event: body.event })) as Record<string, unknown>;
    return { kind, ...renderedFields(content), content };
  },
});
