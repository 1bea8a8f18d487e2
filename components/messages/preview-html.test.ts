import { describe, expect, it } from "vitest";
import { addEmailTracking, trackingUrls } from "@/server/messaging/track-links";
import { previewHtml } from "./preview-html";

describe("an email shown in the app", () => {
  it("drops the open pixel the sending pipeline added, and keeps everything else", () => {
    const html = '<html><body><p>Hi</p><img src="https://cdn.example/logo.png" alt="logo"><a href="https://shop.example/sale">Shop</a></body></html>';
    const tracked = addEmailTracking(html, trackingUrls("5a3c0b9e-1111-4222-8333-944444444444", "https://app.example"));
    expect(tracked).toContain("/t/o/");
    const shown = previewHtml(tracked);
    expect(shown).not.toContain("/t/o/");
    expect(shown).toContain('<img src="https://cdn.example/logo.png" alt="logo">');
    expect(shown).toContain("/t/c/");
    expect(shown).toMatch(/<p>Hi<\/p>.*<\/body><\/html>$/);
  });

  it("leaves an email without a pixel as it is", () => {
    expect(previewHtml("<p>Plain</p>")).toBe("<p>Plain</p>");
  });
});
