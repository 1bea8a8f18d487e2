import { AppError } from "@/server/errors";

/** The JSON body of a REST call, or a 400 that says so. */
export async function readJsonBody(req: Request): Promise<unknown> {
  const text = await req.text();
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "The body must be JSON", "body");
  }
}
