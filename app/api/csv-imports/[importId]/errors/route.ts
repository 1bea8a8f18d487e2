import { errorResponse } from "@/server/api-keys/with-workspace";
import { errorsCsv } from "@/server/csv-import/errors-csv";
import { sessionAccess } from "@/server/csv-import/session-access";
import { AppError } from "@/server/errors";

/** The error rows of an import as a CSV download (`?workspaceId=...`). */
export async function GET(req: Request, route: { params: Promise<{ importId: string }> }): Promise<Response> {
  try {
    const access = await sessionAccess(new URL(req.url).searchParams.get("workspaceId"), "audiences.read");
    const { importId } = await route.params;
    if (!/^[0-9a-f-]{36}$/i.test(importId)) throw new AppError("NOT_FOUND", "Import not found");
    const { fileName, body } = await errorsCsv(access.workspace.id, importId);
    return new Response(body, {
      headers: { "content-type": "text/csv; charset=utf-8", "content-disposition": `attachment; filename="${fileName.replace(/[^\w.-]+/g, "_")}"` },
    });
  } catch (error) {
    return errorResponse(error);
  }
}
