import { metricsResponse } from "@/server/observability/probes";

export const dynamic = "force-dynamic";

export const GET = (req: Request) => metricsResponse(req);
