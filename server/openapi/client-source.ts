import openapiTS, { astToString } from "openapi-typescript";
import { openApiDocument } from "./document";

export const CLIENT_SCHEMA_PATH = "clients/typescript/schema.d.ts";

const HEADER = `/**
 * The Parcours public API's types, generated from its OpenAPI document by openapi-typescript.
 * Do not edit: run \`npm run api:client\` (a test fails while this file is not current).
 */

`;

/** The client's schema.d.ts as the current document gives it. */
export async function clientSchemaSource(): Promise<string> {
  const doc = { ...openApiDocument(), servers: [{ url: "http://localhost:3000" }] };
  return HEADER + astToString(await openapiTS(doc as never, { alphabetize: false, defaultNonNullable: false }));
}
