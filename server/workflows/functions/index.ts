import { campaignExecutionRun } from "./campaign-execution";
import { csvImportRun } from "./csv-import";
import { deferredMessages } from "./deferred-messages";
import { journeyAudienceEntry } from "./journey-audience-entry";
import { journeyBusinessEvent } from "./journey-business-event";
import { journeyCohort } from "./journey-cohort";
import { journeyRun } from "./journey-run";
import { journeyWaitsDecidedRun } from "./journey-waits-decided";
import { messageRetry } from "./message-retry";
import { pruneRunsNightly } from "./prune-runs";
import { pruneSignInFailures } from "./prune-sign-in-failures";
import { webhookDeliveriesRun } from "./webhook-deliveries";

/** Every Inngest function of the app, served at /api/inngest and run by either executor. */
export const functions = [pruneSignInFailures, pruneRunsNightly, csvImportRun, messageRetry, deferredMessages, campaignExecutionRun, journeyRun, journeyCohort, journeyWaitsDecidedRun, journeyAudienceEntry, journeyBusinessEvent, webhookDeliveriesRun];
