import { NextRequest } from "next/server";
import { errorResponse } from "@/server/api-keys/with-workspace";
import { handlers } from "@/server/auth/config";
import { BODY_LIMITS } from "@/server/http/body-limits";
import { bufferedRequest } from "@/server/http/buffered-request";
import { assertSameOrigin } from "@/server/http/same-origin";

export const { GET } = handlers;

/** Sign-in and sign-out forms, read up to BODY_LIMITS.auth before Auth.js sees them. */
export async function POST(req: NextRequest) {
  let limited: NextRequest;
  try {
    assertSameOrigin(req);
    limited = new NextRequest(await bufferedRequest(req, BODY_LIMITS.auth));
  } catch (error) {
    return errorResponse(error);
  }
  return handlers.POST(limited);
}
