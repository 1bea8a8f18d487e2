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

describe("dev-inbox sendBatch", () => {
  const sender = devInbox.create({});

  it("answers every message in order, a bad one failing alone", async () => {
    const results = await sender.sendBatch!(
      [
        { message: { text: "a" }, recipient, idempotencyKey: "k1" },
        { message: ["not", "an", "object"], recipient, idempotencyKey: "k2" },
        { message: { text: "c" }, recipient: { profileId: "" }, idempotencyKey: "k3" },
        { message: { text: "d" }, recipient, idempotencyKey: "k4" },
      ],
      new AbortController().signal,
    );
    expect(results[0]).toEqual({ status: "delivered", providerMessageId: "dev-inbox:k1" });
    expect(results[1]).toMatchObject({ retryable: false, code: "invalid_message" });
    expect(results[2]).toMatchObject({ retryable: false, code: "no_recipient" });
    expect(results[3]).toEqual({ status: "delivered", providerMessageId: "dev-inbox:k4" });
  });

  it("is cancelled as a whole by its signal", async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(sender.sendBatch!([{ message: { text: "a" }, recipient, idempotencyKey: "k1" }], controller.signal)).rejects.toMatchObject({ retryable: true, code: "aborted" });
  });
});
