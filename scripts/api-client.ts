// npm run api:client: regenerates the TypeScript client's types from the OpenAPI document.
import { writeFileSync } from "node:fs";
import { CLIENT_SCHEMA_PATH, clientSchemaSource } from "@/server/openapi/client-source";

void clientSchemaSource().then((source) => {
  writeFileSync(CLIENT_SCHEMA_PATH, source);
  console.log(`wrote ${CLIENT_SCHEMA_PATH}`);
});
