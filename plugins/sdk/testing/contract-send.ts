import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import { ChannelError } from "../errors";
import type { TSendResult } from "../plugin";
import { DEFAULT_FAILURES, type TContractOptions, type TContractState } from "./contract-options";
import type { TProviderFake } from "./fake-server";

type TOptions = TContractOptions<z.ZodObject, unknown, TProviderFake | undefined>;
type TState = TContractState<z.ZodObject, unknown, TProviderFake | undefined>;

const key = () => `contract-${randomUUID()}`;

export function expectSendResult(result: TSendResult) {
  if (result.providerMessageId !== undefined) expect(result.providerMessageId).toMatch(/\S/);
  if (result.status !== undefined) expect(["sent", "delivered"]).toContain(result.status);
}

export function describeSend(options: TOptions, state: TState) {
  const { message, recipient } = options.sample;
  const failures = options.failures ?? DEFAULT_FAILURES;

  describe("send", () => {
    it("accepts the valid settings sample", () => {
      expect(options.plugin.settings.safeParse(options.settings.valid(state.fake)).error).toBeUndefined();
    });

    it("sends a valid message", async () => {
      const before = state.fake?.sends.length ?? 0;
      const idempotencyKey = key();
      const result = await state.sender.send(message, recipient, { idempotencyKey, signal: new AbortController().signal });
      expectSendResult(result);
      if (!state.fake) return;
      expect(state.fake.sends.length).toBe(before + 1);
      if (options.idempotency === "forwarded") expect(state.fake.sends.at(-1)?.idempotencyKey).toBe(idempotencyKey);
    });

    it("rejects when its signal is already aborted", async () => {
      const before = state.fake?.sends.length ?? 0;
      await expect(state.sender.send(message, recipient, { idempotencyKey: key(), signal: AbortSignal.abort() })).rejects.toThrow();
      expect(state.fake?.sends.length ?? 0).toBe(before);
    });

    it("sends a batch in input order, when it has sendBatch", async () => {
      if (!state.sender.sendBatch) return;
      const items = [0, 1].map(() => ({ message, recipient, idempotencyKey: key() }));
      const results = await state.sender.sendBatch(items, new AbortController().signal);
      expect(results).toHaveLength(2);
      for (const result of results) {
        expect(result).not.toBeInstanceOf(Error);
        expectSendResult(result as TSendResult);
      }
    });

    const cases = [...failures.retryable.map((code) => [code, true] as const), ...failures.permanent.map((code) => [code, false] as const)];
    it.skipIf(!options.fake).each(cases)("classifies a provider failure %i as retryable=%s", async (code, retryable) => {
      state.fake?.failWith(code);
      try {
        const error = await state.sender.send(message, recipient, { idempotencyKey: key(), signal: new AbortController().signal }).then(
          () => null,
          (e: unknown) => e,
        );
        expect(error).toBeInstanceOf(ChannelError);
        expect((error as ChannelError).retryable).toBe(retryable);
      } finally {
        state.fake?.failWith(null);
      }
    });
  });
}
