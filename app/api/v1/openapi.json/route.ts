import { openApiDocument } from "@/server/openapi/document";

/** The OpenAPI 3.1 document of the public API (no key needed: it describes, it does not serve data). */
export function GET() {
  return Response.json(openApiDocument(), { headers: { "cache-control": "public, max-age=300" } });
}
