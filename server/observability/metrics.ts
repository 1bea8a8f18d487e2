import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";

function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: "parcours_" });
  const registers = [registry];
  return {
    registry,
    httpDuration: new Histogram({
      name: "parcours_http_request_duration_seconds",
      help: "Time to answer an API request (REST v1, tRPC), by route template, method and status",
      labelNames: ["route", "method", "status"] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    eventsIngested: new Counter({
      name: "parcours_events_ingested_total",
      help: "Segment calls received by the ingestion API of this process: accepted (stored) or duplicate (messageId seen before)",
      labelNames: ["result"] as const,
      registers,
    }),
    messages: new Gauge({
      name: "parcours_messages_recent",
      help: "Messages created in the last PARCOURS_METRICS_MESSAGE_WINDOW seconds (default 300), by channel and status, every workspace",
      labelNames: ["channel", "status"] as const,
      registers,
    }),
    workflowJobs: new Gauge({
      name: "parcours_workflow_jobs",
      help: "Embedded executor jobs that are due now: due (waiting for a worker), running (leased), late (due for over a minute, not leased)",
      labelNames: ["state"] as const,
      registers,
    }),
    executorLateness: new Gauge({
      name: "parcours_workflow_executor_lateness_seconds",
      help: "How long the oldest due, unleased embedded executor job has waited (0: none)",
      registers,
    }),
    dbUp: new Gauge({ name: "parcours_db_up", help: "1 when the scrape could query the database", registers }),
    dbPoolMax: new Gauge({ name: "parcours_db_pool_max", help: "Connections this process may open to PostgreSQL (PARCOURS_DB_POOL)", registers }),
    dbConnections: new Gauge({
      name: "parcours_db_connections",
      help: "Server connections to this database by state (pg_stat_activity; every process of the install)",
      labelNames: ["state"] as const,
      registers,
    }),
    dbScrapeSeconds: new Gauge({ name: "parcours_db_scrape_duration_seconds", help: "Time the scrape's database queries took", registers }),
  };
}

export type TMetrics = ReturnType<typeof createMetrics>;

const key = Symbol.for("parcours.metrics");
const g = globalThis as typeof globalThis & { [key]?: TMetrics };

/** The process's metrics, registered once (Next.js may load this module twice). */
export function metrics(): TMetrics {
  g[key] ??= createMetrics();
  return g[key];
}

/** Counts a request's Segment calls once stored (server/ingestion/ingestion-route.ts). */
export function countIngested(result: { accepted: number; duplicates: number }): void {
  const { eventsIngested } = metrics();
  if (result.accepted) eventsIngested.inc({ result: "accepted" }, result.accepted);
  if (result.duplicates) eventsIngested.inc({ result: "duplicate" }, result.duplicates);
}
