import { readyResponse } from "@/server/observability/probes";

export const dynamic = "force-dynamic";

export const GET = () => readyResponse();
