import { AppError } from "@/server/errors";
import { unstorableIn } from "./check-json";

/**
 * A route's path parameters as the router decoded them. A value PostgreSQL could not
 * compare (U+0000, an unpaired surrogate) is a 400 naming the parameter, before any query.
 */
export function checkedParams(params: Record<string, string | string[] | undefined>): Record<string, string> {
  const checked: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join("/") : value;
    refuseUnstorable(name, text);
    checked[name] = text;
  }
  return checked;
}

/** A query string parameter, or null; refused like a path parameter when it cannot be stored. */
export function queryParam(url: URL, name: string): string | null {
  const value = url.searchParams.get(name);
  if (value !== null) refuseUnstorable(name, value);
  return value;
}

function refuseUnstorable(name: string, value: string) {
  const problem = unstorableIn(value);
  if (problem) throw new AppError("BAD_REQUEST", `${name}: ${problem}`, name);
}
