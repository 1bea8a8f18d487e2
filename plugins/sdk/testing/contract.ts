import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { CORE_KINDS } from "../kinds";
import { fieldsOf, secretKeysOf } from "../settings";
import { allowPrivateHost } from "./allow-private-host";
import { describeSend } from "./contract-send";
import type { TContractOptions, TContractState } from "./contract-options";
import { describeTestConnection, describeWebhook } from "./contract-webhook";
import type { TProviderFake } from "./fake-server";
import { importViolations } from "./import-boundary";

/**
 * The checks every channel plugin passes, as vitest blocks: call it at the top level of
 * `plugins/<id>/<id>.test.ts`. See docs/plugins.md.
 */
export function runPluginContract<TSettings extends z.ZodObject, TContent, TFake extends TProviderFake | undefined = undefined>(
  options: TContractOptions<TSettings, TContent, TFake>,
) {
  const { plugin } = options;
  describe(`plugin contract: ${plugin.meta.id}`, () => {
    const state = {} as TContractState<TSettings, TContent, TFake>;
    beforeAll(async () => {
      state.fake = (await options.fake?.()) as TFake;
      // A local fake is a private address: allowed for this file, its port only.
      if (typeof (state.fake as { url?: unknown } | undefined)?.url === "string") allowPrivateHost((state.fake as unknown as { url: string }).url);
      state.settings = plugin.settings.parse(options.settings.valid(state.fake));
      state.sender = plugin.create(state.settings);
    });
    afterAll(async () => {
      await state.fake?.close();
    });

    describeMeta(options);
    describeSettings(options);
    describeSend(options, state);
    describeWebhook(options, state);
    describeTestConnection(options, state);
  });
}

function describeMeta(options: TContractOptions<z.ZodObject, unknown, TProviderFake | undefined>) {
  const { plugin } = options;
  describe("meta", () => {
    it("is client-safe data with an id, name, description and icon", () => {
      const { meta } = plugin;
      expect(JSON.parse(JSON.stringify(meta))).toEqual(meta);
      expect(meta.id).toMatch(/^[a-z][a-z0-9-]{1,40}$/);
      expect(meta.name.trim()).not.toBe("");
      expect(meta.description.trim()).not.toBe("");
      expect(meta.icon).toMatch(/^[a-z0-9-]+$/);
      if (meta.docsUrl !== undefined) expect(() => new URL(meta.docsUrl as string)).not.toThrow();
    });

    it("sends a core kind, the kind it defines, or every kind (*)", () => {
      const { meta, channelKind } = plugin;
      if (channelKind) expect(meta.kind).toBe(channelKind.id);
      else expect(["*", ...Object.keys(CORE_KINDS)]).toContain(meta.kind);
    });

    it("its sample message is valid content for that kind", () => {
      const kind = plugin.channelKind ?? CORE_KINDS[plugin.meta.kind as keyof typeof CORE_KINDS];
      if (kind) expect(kind.content.safeParse(options.sample.message).error).toBeUndefined();
      else expect(options.sample.message).toBeTypeOf("object");
    });

    it("imports only plugins/sdk and packages", () => {
      expect(importViolations(options.folder)).toEqual([]);
    });
  });
}

function describeSettings(options: TContractOptions<z.ZodObject, unknown, TProviderFake | undefined>) {
  const { plugin } = options;
  describe("settings", () => {
    it("describe a form: every field has a label and a known type", () => {
      for (const field of fieldsOf(plugin.settings)) {
        expect(field.label.trim(), field.key).not.toBe("");
        expect(["string", "number", "boolean", "enum", "text"]).toContain(field.type);
      }
    });

    it("mark the expected secrets, which are strings", () => {
      expect(secretKeysOf(plugin.settings)).toEqual(options.settings.secrets);
      for (const field of fieldsOf(plugin.settings).filter((f) => f.secret)) expect(field.type, field.key).toBe("string");
    });

    it.each(options.settings.invalid.map((c) => [c.path, c.settings] as const))("refuse invalid settings at %s", (path, settings) => {
      const result = plugin.settings.safeParse(settings);
      expect(result.success).toBe(false);
      expect(result.error?.issues.map((i) => i.path.join("."))).toContain(path);
    });
  });
}
