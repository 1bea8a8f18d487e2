import { z } from "zod";
import { JOURNEY_STATUSES } from "@/db/schema";
import { journeyStats } from "@/server/journeys/journey-stats";
import { getJourney, listJourneys } from "@/server/journeys/query-journeys";
import { ZIdParams, ZJsonObject, ZPageQuery, ZTimestamp, pageSchema } from "./common-schemas";
import { uuidOr404 } from "./not-found";
import { defineOperation } from "./operation";
import { restPageOf } from "./page-rows";

const ZJourneySummary = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string().nullable(),
  status: z.enum(JOURNEY_STATUSES),
  liveVersionNumber: z.number().int().nullable(),
  entryType: z.string().nullable().describe("How profiles enter: the entry node's type"),
  steps: z.number().int(),
  active: z.number().int().describe("Profiles inside now"),
  entered: z.number().int().describe("Profiles that ever entered"),
  updatedAt: ZTimestamp,
});
const ZJourney = ZJourneySummary.omit({ liveVersionNumber: true, entryType: true, steps: true, active: true, entered: true }).extend({
  graph: ZJsonObject.describe("The draft's nodes and edges"),
  settings: ZJsonObject,
  versions: z.array(z.object({ id: z.uuid(), number: z.number().int(), active: z.number().int(), createdAt: ZTimestamp })).describe("Published versions, newest first, with the profiles inside each"),
  liveVersionId: z.uuid().nullable(),
  createdAt: ZTimestamp,
});
const ZCounts = z.object({ entered: z.number().int(), waiting: z.number().int(), exited: z.number().int(), sent: z.number().int().optional(), opened: z.number().int().optional(), clicked: z.number().int().optional(), deferred: z.number().int().optional(), expired: z.number().int().optional(), machineOpened: z.number().int().optional() });
const ZStats = z.object({
  totals: z.object({ entered: z.number().int(), active: z.number().int(), completed: z.number().int(), exited: z.number().int(), failed: z.number().int() }),
  nodes: z.record(z.string(), ZCounts).describe("Per node id: profiles entered, waiting and exited; per message node, messages sent, opened, clicked, deferred and expired"),
});

export const listJourneysOp = defineOperation({
  method: "GET",
  path: "/api/v1/journeys",
  tag: "Journeys",
  summary: "List journeys",
  description: "Most recently changed first; filter by `status`.",
  keys: ["secret"],
  query: ZPageQuery.extend({ status: z.enum(JOURNEY_STATUSES).optional() }),
  responseName: "JourneyPage",
  response: pageSchema(ZJourneySummary),
  errors: [400],
  handler: async ({ workspace, query }) => restPageOf((await listJourneys(workspace.id)).filter((j) => !query.status || j.status === query.status) as z.input<typeof ZJourneySummary>[], query, (j) => j.updatedAt),
});

export const getJourneyOp = defineOperation({
  method: "GET",
  path: "/api/v1/journeys/{id}",
  tag: "Journeys",
  summary: "Get a journey with its graph and versions",
  keys: ["secret"],
  params: ZIdParams,
  responseName: "Journey",
  response: ZJourney,
  errors: [404],
  handler: async ({ workspace, params }) => {
    const { journey, versions } = await getJourney(workspace.id, uuidOr404(params.id, "Journey"));
    return { ...journey, graph: journey.graph as unknown as Record<string, unknown>, settings: journey.settings as unknown as Record<string, unknown>, versions };
  },
});

export const journeyStatsOp = defineOperation({
  method: "GET",
  path: "/api/v1/journeys/{id}/stats",
  tag: "Journeys",
  summary: "A journey's live numbers, in total and per node",
  description: "Test runs and test messages are left out.",
  keys: ["secret"],
  params: ZIdParams,
  responseName: "JourneyStats",
  response: ZStats,
  errors: [404],
  handler: async ({ workspace, params }) => journeyStats(workspace.id, uuidOr404(params.id, "Journey"), false),
});
