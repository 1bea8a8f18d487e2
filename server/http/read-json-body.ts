import { AppError } from "@/server/errors";
import { checkParsedJson } from "./check-json";
import { readBodyText } from "./read-body";

/**
 * The JSON body of a REST call, read as a stream and cut at `limit` bytes (413). Invalid
 * UTF-8 or JSON, nesting past MAX_JSON_DEPTH, and strings PostgreSQL cannot store are a 400
 * naming the field. An empty body is `{}`.
 */
export async function readJsonBody(req: Request, limit: number): Promise<unknown> {
  const text = await readBodyText(req, limit);
  if (!text.trim()) return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new AppError("BAD_REQUEST", "body: not valid JSON", "body");
  }
  checkParsedJson(value, text);
  return value;
}
