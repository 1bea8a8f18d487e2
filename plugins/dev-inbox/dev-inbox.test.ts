import { describe, expect, it } from "vitest";
import { ChannelError } from "../sdk";
import { runPluginContract } from "../sdk/testing";
import devInbox from "./index";

const recipient = { profileId: "p_1", email: "ada@example.com" };

runPluginContract({
  plugin: devInbox,
  folder: import.meta.dirname,
  settings: {
    valid: () => ({ label: "Local inbox" }),
    invalid: [{ settings: { label: "x".repeat(61) }, path: "label" }],
    secrets: [],
  },
  sample: { message: { subject: "Welcome", html: "<p>Hi</p>", text: "Hi", headers: {} }, recipient },
  idempotency: "not-forwarded",
});

describe("dev-inbox", () => {
  const sender = devInbox.create({});
  const context = (idempotencyKey: string) => ({ idempotencyKey, signal: new AbortController().signal });

  it("captures messages of any kind, delivered at once", async () => {
    for (const message of [{ title: "Sale", body: "Today", data: {} }, { text: "Your code is 1234" }, { text: "Deploy done", blocks: [] }]) {
      expect(await sender.send(message, recipient, context("k1"))).toEqual({ status: "delivered", providerMessageId: "dev-inbox:k1" });
    }
  });

  it("names one captured message per idempotency key, whatever the retries", async () => {
    const first = await sender.send({ text: "a" }, recipient, context("step-1:p_1"));
    const retry = await sender.send({ text: "a" }, recipient, context("step-1:p_1"));
    const other = await sender.send({ text: "a" }, recipient, context("step-2:p_1"));
    expect(retry.providerMessageId).toBe(first.providerMessageId);
    expect(other.providerMessageId).not.toBe(first.providerMessageId);
  });

  it("refuses content that is not an object, permanently", async () => {
    const error = await sender.send("plain text", recipient, context("k2")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ChannelError);
    expect(error).toMatchObject({ retryable: false, code: "invalid_message" });
  });
});
