import { errorResponse } from "@/server/api-keys/with-workspace";
import { sessionAccess } from "@/server/csv-import/session-access";
import { storeUpload, UploadTooLargeError } from "@/server/csv-import/store-upload";
import { maxUploadBytes, tooLargeMessage } from "@/server/csv-import/upload-files";
import { queryParam } from "@/server/http/request-params";
import { assertSameOrigin } from "@/server/http/same-origin";

/**
 * Upload of a CSV to import: the file is the raw request body (streamed to disk), with
 * `?workspaceId=...&fileName=...`. Answers the new import's id; preview and start are tRPC.
 */
export async function POST(req: Request): Promise<Response> {
  try {
    assertSameOrigin(req);
    const url = new URL(req.url);
    const access = await sessionAccess(url.searchParams.get("workspaceId"), "audiences.manage");
    // A declared size over the limit is refused before a byte is read; the rest is counted as it arrives.
    if (Number(req.headers.get("content-length") ?? 0) > maxUploadBytes()) throw new UploadTooLargeError(tooLargeMessage());
    const job = await storeUpload(access.workspace.id, queryParam(url, "fileName") ?? "upload.csv", req.body, access.actor);
    return Response.json({ id: job.id, fileName: job.fileName, bytesTotal: job.bytesTotal }, { status: 201 });
  } catch (error) {
    if (error instanceof UploadTooLargeError) {
      return Response.json({ error: { code: "PAYLOAD_TOO_LARGE", message: error.message, path: "file" } }, { status: 413 });
    }
    return errorResponse(error);
  }
}
