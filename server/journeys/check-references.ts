import { and, eq, inArray } from "drizzle-orm";
import type { DbOrTx } from "@/db/client";
import { audiences, channelConfigurations, eventDefinitions } from "@/db/schema";
import { allKinds } from "@/server/channels/kinds";
import { AppError } from "@/server/errors";
import { TEMPLATE_KINDS, type TTemplateKind } from "@/server/templates/template-kinds";
import { validateContent } from "@/server/templates/validate-content";
import type { TJourneyGraph, TJourneySettings } from "./graph/model";
import { stepLabel } from "./graph/validate-graph";

/**
 * What a valid graph refers to must exist in this workspace: audiences and lists, business
 * events, channel configurations; and each message's content must render (merge tags checked).
 * Errors name the step.
 */
export async function checkReferences(db: DbOrTx, workspaceId: string, graph: TJourneyGraph, settings: TJourneySettings): Promise<void> {
  const want = { audiences: new Set<string>(), lists: new Set<string>(), events: new Set(settings.exitEventDefinitionIds), configs: new Set<string>() };
  for (const n of graph.nodes) {
    const d = n.data as Record<string, unknown>;
    if (n.type === "entry_audience") want.audiences.add(String(d.audienceId));
    if (n.type === "list") want.lists.add(String(d.listId));
    if (n.type === "entry_event" || n.type === "wait_event") want.events.add(String(d.definitionId));
    if (n.type === "message" && d.configurationId) want.configs.add(String(d.configurationId));
    if (n.type === "condition") {
      for (const b of (d.branches as { condition: { type: string; audienceId?: string } }[]) ?? []) if (b.condition.type === "audience") want.audiences.add(String(b.condition.audienceId));
    }
  }
  const ids = (s: Set<string>) => [...s];
  const found = {
    audiences: want.audiences.size || want.lists.size ? await db.select({ id: audiences.id, kind: audiences.kind }).from(audiences).where(and(eq(audiences.workspaceId, workspaceId), inArray(audiences.id, [...want.audiences, ...want.lists]))) : [],
    events: want.events.size ? await db.select({ id: eventDefinitions.id }).from(eventDefinitions).where(and(eq(eventDefinitions.workspaceId, workspaceId), inArray(eventDefinitions.id, ids(want.events)))) : [],
    configs: want.configs.size ? await db.select({ id: channelConfigurations.id, kind: channelConfigurations.kind }).from(channelConfigurations).where(and(eq(channelConfigurations.workspaceId, workspaceId), inArray(channelConfigurations.id, ids(want.configs)))) : [],
  };
  const has = (rows: { id: string }[], id: unknown) => rows.some((r) => r.id === id);
  for (const n of graph.nodes) {
    const d = n.data as Record<string, unknown>;
    const fail = (message: string, field: string): never => {
      throw new AppError("BAD_REQUEST", `${stepLabel(n)}: ${message}`, `graph.${n.id}.${field}`);
    };
    if (n.type === "entry_audience" && !has(found.audiences, d.audienceId)) fail("the audience no longer exists", "audienceId");
    if (n.type === "list" && !found.audiences.some((a) => a.id === d.listId && a.kind === "list")) fail("choose a static list", "listId");
    if ((n.type === "entry_event" || n.type === "wait_event") && !has(found.events, d.definitionId)) fail("the business event no longer exists", "definitionId");
    if (n.type === "message") {
      if (d.configurationId && !found.configs.some((c) => c.id === d.configurationId && c.kind === d.kind)) fail(`the ${String(d.kind)} channel configuration no longer exists`, "configurationId");
      if (TEMPLATE_KINDS.includes(d.kind as TTemplateKind)) {
        try {
          await validateContent(d.kind as TTemplateKind, d.content);
        } catch (error) {
          if (error instanceof AppError) fail(error.message, error.field ?? "content");
          throw error;
        }
      } else {
        // A plugin's own kind (Slack, webhook...): its content schema decides.
        const kind = allKinds().find((k) => k.id === d.kind) ?? fail(`no channel sends "${String(d.kind)}"`, "kind");
        const parsed = kind.content.safeParse(d.content);
        if (!parsed.success) fail(parsed.error.issues[0]!.message, ["content", ...parsed.error.issues[0]!.path].join("."));
      }
    }
  }
  for (const id of settings.exitEventDefinitionIds) {
    if (!has(found.events, id)) throw new AppError("BAD_REQUEST", "An exit event no longer exists", "settings.exitEventDefinitionIds");
  }
}
