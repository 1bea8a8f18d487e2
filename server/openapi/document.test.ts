import { describe, expect, it } from "vitest";
import { GET } from "@/app/api/v1/openapi.json/route";
import { ZTriggerBody } from "@/server/api-campaigns/trigger-schema";

describe("OpenAPI document", () => {
  it("is OpenAPI 3.1 with every public route, and its schemas come from the routes' zod schemas", async () => {
    const doc = (await GET().json()) as { openapi: string; paths: Record<string, unknown>; components: { schemas: Record<string, { properties?: Record<string, unknown>; required?: string[] }> } };
    expect(doc.openapi).toBe("3.1.0");
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(["/api/v1/track", "/api/v1/batch", "/api/v1/campaigns/{id}/trigger", "/api/v1/messages/{id}", "/api/v1/profiles/{ref}", "/api/v1/lists/{id}/members"]));
    const trigger = doc.components.schemas.TriggerBody!;
    expect(Object.keys(trigger.properties!)).toEqual(Object.keys(ZTriggerBody.shape));
    expect(trigger.required).toContain("recipient");
    expect(doc.components.schemas.Track!.properties).toHaveProperty("event");
    expect(JSON.stringify(doc)).not.toContain("undefined");
  });
});
