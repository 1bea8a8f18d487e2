import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CLIENT_SCHEMA_PATH, clientSchemaSource } from "./client-source";

describe("the TypeScript client", () => {
  it("is generated from the current document (else run `npm run api:client`)", async () => {
    expect(readFileSync(CLIENT_SCHEMA_PATH, "utf8") === (await clientSchemaSource()), `${CLIENT_SCHEMA_PATH} is stale: run npm run api:client`).toBe(true);
  });
});
