import createClient from "openapi-fetch";
import type { paths } from "./schema";

export type { components, operations, paths } from "./schema";

export interface TParcoursClientOptions {
  /** Where Parcours runs, e.g. `https://parcours.example.com`. */
  baseUrl: string;
  /** A secret key (`pcs_…`), or a write key (`pcw_…`) for ingestion only. */
  apiKey: string;
  /** Another fetch (a test's, a proxy's). */
  fetch?: (request: Request) => Promise<Response>;
}

/**
 * A typed client of the Parcours public API (openapi-fetch over the generated `paths`):
 * `const { data, error } = await parcours.GET("/api/v1/campaigns", { params: { query: { type: "api" } } })`.
 */
export function createParcoursClient(options: TParcoursClientOptions) {
  return createClient<paths>({ baseUrl: options.baseUrl, fetch: options.fetch, headers: { authorization: `Bearer ${options.apiKey}` } });
}

export type TParcoursClient = ReturnType<typeof createParcoursClient>;

/** Every item of a paged list, following `nextCursor` page by page. */
export async function* everyItem<T>(page: (cursor: string | undefined) => Promise<{ data?: { data: T[]; nextCursor: string | null }; error?: unknown }>): AsyncGenerator<T> {
  let cursor: string | undefined;
  do {
    const { data, error } = await page(cursor);
    if (!data) throw new Error(`Parcours API error: ${JSON.stringify(error)}`);
    yield* data.data;
    cursor = data.nextCursor ?? undefined;
  } while (cursor);
}
