import { cliActor } from "@/server/audit/actor";
import { storeUpload } from "./store-upload";

/** Uploads `csv` into a workspace through the real upload path (tests and fixtures). */
export async function createTestUpload(workspaceId: string, csv = "email,name\nada@example.com,Ada\n", fileName = "people.csv") {
  const body = new Blob([csv]).stream();
  return storeUpload(workspaceId, fileName, body, cliActor);
}
