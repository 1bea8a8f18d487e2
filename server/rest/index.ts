import { audienceCountOp, audienceMembersOp, getAudienceOp, listAudiencesOp } from "./audiences";
import { triggerCampaignBatchOp, triggerCampaignOp } from "./campaign-trigger";
import { getCampaignOp, listCampaignsOp } from "./campaigns";
import { listEventsOp } from "./events";
import { addListMembersOp, removeListMembersOp } from "./lists";
import { getJourneyOp, journeyStatsOp, listJourneysOp } from "./journeys";
import { getMessageOp, listMessagesOp } from "./messages";
import type { TOperation } from "./operation";
import { deleteProfileOp, getProfileOp, listProfilesOp, mergeProfileOp, updateProfileOp } from "./profiles";
import { getSubscriptionsOp, putSubscriptionsOp } from "./subscriptions";
import { addSuppressionOp, listSuppressionsOp, removeSuppressionOp } from "./suppressions";
import { getTemplateOp, listTemplatesOp, previewTemplateOp } from "./templates";
import { workspaceOp } from "./workspace";

/** Every REST operation of the public API but ingestion (documented in server/openapi/ingestion-paths.ts). */
export const REST_OPERATIONS: readonly TOperation[] = [
  workspaceOp,
  listCampaignsOp,
  getCampaignOp,
  triggerCampaignOp,
  triggerCampaignBatchOp,
  listMessagesOp,
  getMessageOp,
  listEventsOp,
  listProfilesOp,
  getProfileOp,
  updateProfileOp,
  deleteProfileOp,
  mergeProfileOp,
  getSubscriptionsOp,
  putSubscriptionsOp,
  listAudiencesOp,
  getAudienceOp,
  audienceCountOp,
  audienceMembersOp,
  addListMembersOp,
  removeListMembersOp,
  listTemplatesOp,
  getTemplateOp,
  previewTemplateOp,
  listJourneysOp,
  getJourneyOp,
  journeyStatsOp,
  listSuppressionsOp,
  addSuppressionOp,
  removeSuppressionOp,
] as TOperation[];
