import { createCallerFactory, router } from "./init";
import { apiKeysRouter } from "./routers/api-keys";
import { auditRouter } from "./routers/audit";
import { campaignsRouter } from "./routers/campaigns";
import { channelsRouter } from "./routers/channels";
import { consentsRouter } from "./routers/consents";
import { csvImportsRouter } from "./routers/csv-imports";
import { emailDesignRouter } from "./routers/email-design";
import { audiencesRouter } from "./routers/audiences";
import { membersRouter } from "./routers/members";
import { messagesRouter } from "./routers/messages";
import { eventsRouter } from "./routers/events";
import { indexedAttributesRouter } from "./routers/indexed-attributes";
import { journeysRouter } from "./routers/journeys";
import { profilesRouter } from "./routers/profiles";
import { runsRouter } from "./routers/runs";
import { templatesRouter } from "./routers/templates";
import { webhooksRouter } from "./routers/webhooks";
import { workspacesRouter } from "./routers/workspaces";

export const appRouter = router({
  workspaces: workspacesRouter,
  members: membersRouter,
  apiKeys: apiKeysRouter,
  audit: auditRouter,
  runs: runsRouter,
  profiles: profilesRouter,
  indexedAttributes: indexedAttributesRouter,
  events: eventsRouter,
  csvImports: csvImportsRouter,
  audiences: audiencesRouter,
  channels: channelsRouter,
  messages: messagesRouter,
  consents: consentsRouter,
  templates: templatesRouter,
  emailDesign: emailDesignRouter,
  campaigns: campaignsRouter,
  journeys: journeysRouter,
  webhooks: webhooksRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
