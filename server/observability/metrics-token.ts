import { createHash, timingSafeEqual } from "node:crypto";

const digest = (value: string) => createHash("sha256").update(value).digest();

/**
 * Who may read `/api/metrics`: a caller sending `Authorization: Bearer <PARCOURS_METRICS_TOKEN>`.
 * Unset token: the route does not exist (404); a missing or wrong token: 401. Compared in
 * constant time.
 */
export function metricsAccess(req: Request, env: NodeJS.ProcessEnv = process.env): 200 | 401 | 404 {
  const token = env.PARCOURS_METRICS_TOKEN?.trim();
  if (!token) return 404;
  const header = req.headers.get("authorization") ?? "";
  const [scheme, given] = header.split(" ", 2);
  if (scheme?.toLowerCase() !== "bearer" || !given) return 401;
  return timingSafeEqual(digest(given.trim()), digest(token)) ? 200 : 401;
}
