import { z } from "zod";
import { AppError } from "@/server/errors";
import { savePreferences } from "@/server/consents/preference-center";

const NO_STORE = { "cache-control": "no-store", "referrer-policy": "no-referrer" };

/**
 * The preference center's save: authorized by the signed unsubscribe token alone. JSON only (a
 * cross-site form cannot send it without a preflight), at most 16 KB, answers JSON with no
 * echo of the input and no redirect.
 */
export async function POST(req: Request, { params }: { params: Promise<{ token: string }> }) {
  if (!(req.headers.get("content-type") ?? "").toLowerCase().startsWith("application/json")) return Response.json({ error: "Send JSON" }, { status: 415, headers: NO_STORE });
  const text = await req.text();
  if (text.length > 16_384) return Response.json({ error: "Too large" }, { status: 413, headers: NO_STORE });
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return Response.json({ error: "The body is not JSON" }, { status: 400, headers: NO_STORE });
  }
  try {
    const saved = await savePreferences((await params).token, body);
    if (!saved) return Response.json({ error: "This link is not valid" }, { status: 404, headers: NO_STORE });
    return Response.json(saved, { headers: NO_STORE });
  } catch (error) {
    if (error instanceof z.ZodError) return Response.json({ error: "Invalid choice", field: error.issues[0]?.path.join(".") }, { status: 400, headers: NO_STORE });
    if (error instanceof AppError) return Response.json({ error: error.message, field: error.field }, { status: 400, headers: NO_STORE });
    throw error;
  }
}
