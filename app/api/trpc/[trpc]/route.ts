import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { errorResponse } from "@/server/api-keys/with-workspace";
import { BODY_LIMITS } from "@/server/http/body-limits";
import { bufferedRequest } from "@/server/http/buffered-request";
import { assertSameOrigin } from "@/server/http/same-origin";
import { createContext } from "@/server/trpc/context";
import { appRouter } from "@/server/trpc/root";

async function handler(req: Request) {
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
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`tRPC ${path}:`, error.cause ?? error);
    },
  });
}

export { handler as GET, handler as POST };
