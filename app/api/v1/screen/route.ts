import { ingestionRoute } from "@/server/ingestion/ingestion-route";

export const POST = ingestionRoute("screen");
