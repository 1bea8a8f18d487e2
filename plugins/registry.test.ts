import { describe, expect, it } from "vitest";
import { channelPlugins, pluginById } from "./index";
import { CORE_KINDS } from "./sdk";

describe("plugin registry", () => {
  it("has unique ids, each found by pluginById", () => {
    const ids = channelPlugins.map((p) => p.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const plugin of channelPlugins) expect(pluginById(plugin.meta.id)).toBe(plugin);
    expect(pluginById("nope")).toBeUndefined();
  });

  it("has no two plugins defining the same kind, nor one shadowing a core kind", () => {
    const defined = channelPlugins.flatMap((p) => (p.channelKind ? [p.channelKind.id] : []));
    expect(new Set(defined).size).toBe(defined.length);
    for (const id of defined) expect(Object.keys(CORE_KINDS)).not.toContain(id);
  });

  it("has the dev inbox, capturing every kind", () => {
    expect(pluginById("dev-inbox")?.meta.kind).toBe("*");
  });
});
