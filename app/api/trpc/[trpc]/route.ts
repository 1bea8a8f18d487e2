import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { errorResponse } from "@/server/api-keys/with-workspace";
import { BODY_LIMITS } from "@/server/http/body-limits";
import { bufferedRequest } from "@/server/http/buffered-request";
import { assertSameOrigin } from "@/server/http/same-origin";
import { log } from "@/server/observability/logger";
import { observeRequest, trpcRouteLabel } from "@/server/observability/observe-request";
import { createContext } from "@/server/trpc/context";
import { appRouter } from "@/server/trpc/root";

const isProcedure = (path: string) => Object.hasOwn(appRouter._def.procedures, path);

async function handler(req: Request) {
  return observeRequest(req, () => trpcRouteLabel(new URL(req.url).pathname, isProcedure), () => serve(req));
}

async function serve(req: Request) {
  let limited: Request;
  try {
    assertSameOrigin(req);
    limited = await bufferedRequest(req, BODY_LIMITS.trpc);
  } catch (error) {
    return errorResponse(error);
  }
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req: limited,
    router: appRouter,
    createContext,
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") log().error({ err: error.cause ?? error, procedure: path }, "tRPC procedure failed");
    },
  });
}

export { handler as GET, handler as POST };
