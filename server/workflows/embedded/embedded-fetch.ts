import type { TIncomingEvent } from "./context";

type TSend = (events: TIncomingEvent[]) => Promise<string[]>;

/**
 * A `fetch` for the Inngest client in embedded mode: event sends (`POST …/e/<key>`) go to
 * the executor in this process; anything else is refused, since no Inngest API exists.
 */
export function embeddedFetch(getSend: () => TSend | null): typeof fetch {
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(typeof input === "string" || input instanceof URL ? input : input.url);
    if (!/\/e\/[^/]*$/.test(url.pathname)) {
      return Response.json({ error: `The embedded executor has no ${url.pathname} endpoint` }, { status: 404 });
    }
    const send = getSend();
    if (!send) return Response.json({ error: "The embedded workflow executor is not running in this process" }, { status: 503 });
    const body = init?.body ?? (input instanceof Request ? await input.text() : "[]");
    const parsed = JSON.parse(typeof body === "string" ? body : new TextDecoder().decode(body as ArrayBuffer)) as TIncomingEvent | TIncomingEvent[];
    try {
      const ids = await send(Array.isArray(parsed) ? parsed : [parsed]);
      return Response.json({ ids, status: 200 });
    } catch (error) {
      return Response.json({ error: (error as Error).message, status: 400 }, { status: 400 });
    }
  }) as typeof fetch;
}
