/**
 * The most each route reads of a request body, in bytes (docs/api.md, docs/security.md).
 * Ingestion follows Segment's limits; CSV uploads are streamed to disk under their own (1 GB,
 * PARCOURS_CSV_MAX_BYTES).
 */
export const BODY_LIMITS = {
  /** One identify, track, page, screen, group or alias call. */
  ingestCall: 32 * 1024,
  /** A batch of up to 2,500 calls. */
  ingestBatch: 500 * 1024,
  /** A campaign trigger: recipient and context. */
  trigger: 64 * 1024,
  /** A batch trigger: up to 1,000 recipients, each with its context. */
  triggerBatch: 2 * 1024 * 1024,
  /** A profile's trait update, a merge, a suppression, a template preview's context. */
  restCall: 64 * 1024,
  /** Up to 1,000 profile references added to or removed from a list. */
  listMembers: 256 * 1024,
  /** A channel provider's delivery, bounce or click webhook. */
  providerWebhook: 256 * 1024,
  /** A dashboard tRPC call: an email document near the 1 MB Liquid source limit still fits. */
  trpc: 4 * 1024 * 1024,
  /** A sign-in form. */
  auth: 64 * 1024,
  /** A Call Request to /api/inngest: the run's event(s) and every step's memoized output (Inngest's own run state limit is 32 MB). */
  workflowCall: 32 * 1024 * 1024,
} as const;
