import { createCallerFactory, router } from "./init";
import { apiKeysRouter } from "./routers/api-keys";
import { auditRouter } from "./routers/audit";
import { audiencesRouter } from "./routers/audiences";
import { membersRouter } from "./routers/members";
import { eventsRouter } from "./routers/events";
import { profilesRouter } from "./routers/profiles";
import { runsRouter } from "./routers/runs";
import { workspacesRouter } from "./routers/workspaces";

export const appRouter = router({
  workspaces: workspacesRouter,
  members: membersRouter,
  apiKeys: apiKeysRouter,
  audit: auditRouter,
  runs: runsRouter,
  profiles: profilesRouter,
  events: eventsRouter,
  audiences: audiencesRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
