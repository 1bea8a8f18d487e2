import { eventType } from "inngest";
import { z } from "zod";

// Every event Parcours sends to its workflows, with its payload schema. Functions trigger
// on these objects and `publishEvents(x.create(data))` validates before sending.

export const maintenanceRequested = eventType("parcours/maintenance.requested", {
  schema: z.object({
    task: z.enum(["prune-sign-in-failures"]),
    /** Set when an admin runs the task from a workspace, so the run shows on its Runs page. */
    workspaceId: z.uuid().optional(),
    requestedBy: z.string().optional(),
  }),
});

/** A track call that matched an event definition: journeys wait for and start on these. */
export const eventReceived = eventType("parcours/event.received", {
  schema: z.object({
    workspaceId: z.uuid(),
    profileId: z.uuid(),
    definitionId: z.uuid(),
    name: z.string(),
    eventId: z.uuid(),
    properties: z.record(z.string(), z.unknown()),
    timestamp: z.string(),
    /** Test mode: not a real event, but the "skip" of this enrollment's event wait (its timeout path). */
    skip: z.uuid().optional(),
  }),
});

/** Something happened to a message (sent, delivered, opened, clicked...): journeys wait for reactions on these. */
export const messageEvent = eventType("parcours/message.event", {
  schema: z.object({
    workspaceId: z.uuid(),
    messageId: z.uuid(),
    profileId: z.uuid().nullable(),
    type: z.string(),
    kind: z.string(),
    sourceType: z.string(),
    sourceId: z.string().nullable(),
    stepId: z.string().nullable(),
    url: z.string().optional(),
    /** Test mode: not a real reaction, but the "skip" of this enrollment's reaction wait (type "skipped"). */
    skip: z.uuid().optional(),
  }),
});

/** A message whose first send hit a retryable provider error: retried durably with the same key. */
export const messageRetryRequested = eventType("parcours/message.retry.requested", {
  schema: z.object({ workspaceId: z.uuid(), request: z.record(z.string(), z.unknown()) }),
});

/**
 * Messages deferred by quiet hours or a frequency cap, due at one minute: messages.deferred
 * sleeps until `due`, then sends them again through the pipeline with the same keys.
 * Targets: profile, and for API triggers the trigger's step id and context.
 */
export const messagesDeferred = eventType("parcours/messages.deferred", {
  schema: z.object({
    workspaceId: z.uuid(),
    source: z.discriminatedUnion("type", [z.object({ type: z.literal("execution"), executionId: z.uuid() }), z.object({ type: z.literal("trigger"), campaignId: z.uuid() })]),
    due: z.iso.datetime(),
    /** Still deferred at this instant: expired. */
    expiresAt: z.iso.datetime(),
    targets: z.array(z.object({ p: z.uuid(), s: z.string().optional(), c: z.record(z.string(), z.unknown()).optional() })).min(1).max(5_000),
  }),
});

/** An uploaded CSV was mapped: import its rows into profiles and a list (csv-import.run). */
export const csvImportRequested = eventType("parcours/csv-import.requested", {
  schema: z.object({ importId: z.uuid(), workspaceId: z.uuid() }),
});

/** An execution of a scheduled campaign is due (campaign.execution sleeps until its time). */
export const campaignExecutionRequested = eventType("parcours/campaign.execution.requested", {
  schema: z.object({ workspaceId: z.uuid(), campaignId: z.uuid(), executionId: z.uuid() }),
});

/** A paused (or stopped) execution changed state: its waiting run looks again. */
export const campaignExecutionResumed = eventType("parcours/campaign.execution.resumed", {
  schema: z.object({ executionId: z.uuid() }),
});

/** A profile entered a journey version: journey.run walks the frozen graph for it. */
export const journeyEnrollmentStarted = eventType("parcours/journey.enrollment.started", {
  schema: z.object({
    workspaceId: z.uuid(),
    journeyId: z.uuid(),
    versionId: z.uuid(),
    enrollmentId: z.uuid(),
    profileId: z.uuid(),
    test: z.boolean(),
    /** The run starts at this node: the steps before it were taken with the rest of the page (advance-together.ts). */
    resume: z
      .object({
        nodeId: z.string(),
        left: z.object({ nodeId: z.string(), outcome: z.string(), detail: z.record(z.string(), z.unknown()).optional() }).nullable(),
        /** `scheduled`: the run was started when the wait ends (the event's `ts`), so it does not sleep. */
        wait: z.object({ target: z.string(), now: z.string(), scheduled: z.boolean().optional(), messageId: z.uuid().optional(), expiresAt: z.string().optional() }).optional(),
      })
      .optional(),
    trigger: z.record(z.string(), z.unknown()).optional(),
  }),
});

/** A version was published (or test profiles sent in): its audience entry reads the audience. */
export const journeyPublished = eventType("parcours/journey.published", {
  schema: z.object({ workspaceId: z.uuid(), journeyId: z.uuid(), versionId: z.uuid() }),
});

/** A journey was stopped (or its test mode turned off): its runs are cancelled. */
export const journeyStopped = eventType("parcours/journey.stopped", {
  schema: z.object({ journeyId: z.uuid(), test: z.boolean() }),
});

/** A cohort of live profiles waiting at one node until one instant (journey_cohorts) gets its durable run. */
export const journeyCohortOpened = eventType("parcours/journey.cohort.opened", {
  schema: z.object({ workspaceId: z.uuid(), journeyId: z.uuid(), versionId: z.uuid(), cohortId: z.uuid() }),
});

/** Events decided some of a workspace's journey_waits (an open, a click, a business event): a drain takes those profiles on. */
export const journeyWaitsDecided = eventType("parcours/journey.waits.decided", {
  schema: z.object({ workspaceId: z.uuid() }),
});

/** Test mode: the wait a test profile is in ends now (its timeout path, for reactions and event waits). */
export const journeySkipped = eventType("parcours/journey.skipped", {
  schema: z.object({ enrollmentId: z.uuid(), nodeId: z.string() }),
});

/** Rows were added to the webhook outbox (server/webhooks/enqueue.ts): the drainer sends them. */
export const webhooksQueued = eventType("parcours/webhooks.queued", {
  schema: z.object({ workspaceId: z.uuid() }),
});

export const allEvents = [webhooksQueued, maintenanceRequested, eventReceived, csvImportRequested, messageEvent, messageRetryRequested, messagesDeferred, campaignExecutionRequested, campaignExecutionResumed, journeyEnrollmentStarted, journeyCohortOpened, journeyWaitsDecided, journeyPublished, journeyStopped, journeySkipped];
