import { benchApp } from "./bench-app";

/** The sleeper function of the sleepers bench, the same in the bench process and in its extra worker processes. */
export function sleeperApp(label: string) {
  const fnId = `sleep-${label}`;
  const app = benchApp(`bench-${label}`, (inngest) => [
    inngest.createFunction({ id: fnId, retries: 0, triggers: [{ event: `bench/${fnId}` }] }, async ({ event, step }) => {
      await step.sleepUntil("until", new Date(event.data.at as number));
      return Date.now() - (event.data.at as number);
    }),
  ]);
  return { app, event: `bench/${fnId}`, fnId: `bench-${label}-${fnId}` };
}
