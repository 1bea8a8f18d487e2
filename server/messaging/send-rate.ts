// Per-configuration send rate (channel_configurations.rate_limit_per_second), enforced in
// this process: each send waits for its slot. Slots are spaced evenly, so a burst of N
// sends at R/s takes N/R seconds. Several app processes each apply the limit; campaigns
// also pace their fan-out, which bounds the total.

const nextSlot = new Map<string, number>();

/** Resolves when this configuration may send again. */
export async function waitForSendSlot(configurationId: string, perSecond: number | null, now = () => performance.now()): Promise<void> {
  if (!perSecond || perSecond <= 0) return;
  const spacing = 1000 / perSecond;
  const t = now();
  const slot = Math.max(t, nextSlot.get(configurationId) ?? t);
  nextSlot.set(configurationId, slot + spacing);
  const wait = slot - t;
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}
