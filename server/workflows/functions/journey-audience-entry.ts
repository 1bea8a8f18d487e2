import { audienceEntryOf, enterAudiencePage } from "@/server/journeys/audience-entry";
import { inngest } from "../client";
import { journeyPublished } from "../events";

/**
 * A published version with an audience entry reads its audience page by page, one page per
 * second at the journey's entry rate, and starts one journey.run per profile let in.
 */
export const journeyAudienceEntry = inngest.createFunction(
  { id: "journey.audience-entry", triggers: [journeyPublished], retries: 4, idempotency: "event.data.versionId" },
  async ({ event, step }) => {
    const plan = await step.run("plan", () => audienceEntryOf(event.data.versionId));
    if (!plan) return { status: "no audience entry" };
    const size = Math.max(1, Math.min(plan.ratePerSecond, 20_000));
    let after: string | null = null;
    let read = 0;
    let entered = 0;
    for (let page = 1; ; page++) {
      const started = Date.now();
      const r: { read: number; entered: number; last: string | null; done: boolean } = await step.run(`page-${page}`, () => enterAudiencePage(event.data.versionId, after, size));
      read += r.read;
      entered += r.entered;
      if (r.done || !r.last) break;
      after = r.last;
      const spent = Date.now() - started;
      if (plan.ratePerSecond <= 20_000 && spent < 1000) await step.sleep(`pace-${page}`, 1000 - spent);
    }
    return { read, entered };
  },
);
