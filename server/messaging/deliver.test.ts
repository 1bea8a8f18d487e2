import { describe, expect, it } from "vitest";
import { ChannelError, permanentError, type TChannelSender } from "@/plugins/sdk";
import { deliverAll } from "./deliver";

const items = [0, 1, 2, 3].map((i) => ({ id: `m${i}`, rendered: { text: `hello ${i}` }, recipient: { profileId: `p${i}` } }));
const rate = { configurationId: "deliver-test", perSecond: null };

describe("deliverAll", () => {
  it("uses the plugin's sendBatch and classifies each item's error", async () => {
    const batches: string[][] = [];
    const sender: TChannelSender<unknown> = {
      send: () => Promise.reject(new Error("send is not used when sendBatch exists")),
      sendBatch: async (list) => {
        batches.push(list.map((i) => i.idempotencyKey));
        return list.map((i, n) => (n === 1 ? permanentError("bad address") : n === 2 ? new Error("socket hang up") : { providerMessageId: `x-${i.idempotencyKey}` }));
      },
    };
    const results = await deliverAll(sender, rate, items);
    expect(batches).toEqual([["m0", "m1", "m2", "m3"]]);
    expect(results[0]).toEqual({ providerMessageId: "x-m0" });
    expect(results[1]).toMatchObject({ retryable: false, message: "bad address" });
    expect(results[2]).toMatchObject({ retryable: true, message: "socket hang up" });
    expect(results[3]).toEqual({ providerMessageId: "x-m3" });
  });

  it("a sendBatch that throws fails every item with that error", async () => {
    const sender: TChannelSender<unknown> = { send: async () => ({}), sendBatch: () => Promise.reject(new Error("ECONNRESET")) };
    const results = await deliverAll(sender, rate, items);
    expect(results.every((r) => r instanceof ChannelError && r.retryable)).toBe(true);
  });

  it("without sendBatch, sends each with at most 16 in flight, results in input order", async () => {
    let inFlight = 0;
    let most = 0;
    const many = Array.from({ length: 40 }, (_, i) => ({ ...items[0]!, id: `m${i}` }));
    const sender: TChannelSender<unknown> = {
      send: async (_message, _recipient, { idempotencyKey }) => {
        most = Math.max(most, ++inFlight);
        await new Promise((r) => setTimeout(r, Number(idempotencyKey.slice(1)) % 3));
        inFlight--;
        if (idempotencyKey === "m7") throw permanentError("no");
        return { providerMessageId: idempotencyKey };
      },
    };
    const results = await deliverAll(sender, rate, many);
    expect(most).toBe(16);
    expect(results.map((r) => (r instanceof ChannelError ? "error" : r.providerMessageId))).toEqual(many.map((m) => (m.id === "m7" ? "error" : m.id)));
  });
});
