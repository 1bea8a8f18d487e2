import { describe, expect, it } from "vitest";
import { addEmailTracking, trackingUrls, unsubscribeHeaders } from "./track-links";
import { linkToken, messageTokens, readTrackingToken, signTrackingToken, verifyTrackingToken } from "./tracking-token";

const m = "8d3c9a52-6f0e-4b7a-9a55-0c2f1d2e3f40";

describe("tracking tokens", () => {
  it("a message's token stands for its open, clicks and push opens; its unsubscribe token only for unsubscribing", () => {
    const { other: engage, unsubscribe } = messageTokens(m);
    const url = "https://shop.example/offer?x=1";
    expect(readTrackingToken("open", engage)).toEqual({ a: "open", m });
    expect(readTrackingToken("click", `${engage}.${linkToken(url)}`)).toEqual({ a: "click", m, u: url });
    expect(readTrackingToken("push-open", engage)).toEqual({ a: "push-open", m });
    expect(readTrackingToken("unsubscribe", unsubscribe)).toEqual({ a: "unsubscribe", m });
    expect(readTrackingToken("unsubscribe", engage)).toBeNull();
    expect(readTrackingToken("unsubscribe", `${engage}.${linkToken(url)}`)).toBeNull();
    expect(readTrackingToken("open", unsubscribe)).toBeNull();
    expect(readTrackingToken("click", `${unsubscribe}.${linkToken(url)}`)).toBeNull();
    // Another message's id under this signature, another URL under this link's signature, a truncated token.
    const [id, sig] = engage.split(".") as [string, string];
    const other = messageTokens("8d3c9a52-6f0e-4b7a-9a55-0c2f1d2e3f41").other;
    expect(readTrackingToken("open", `${other.split(".")[0]}.${sig}`)).toBeNull();
    const [, linkSig] = linkToken(url).split(".");
    expect(readTrackingToken("click", `${engage}.${Buffer.from("https://evil.example").toString("base64url")}.${linkSig}`)).toBeNull();
    expect(readTrackingToken("open", id)).toBeNull();
    expect(readTrackingToken("click", engage)).toEqual({ a: "click", m }); // no destination: the click route refuses it
    expect(linkToken(url)).toBe(linkToken(url));
  });

  it("links sent before, one token each, are still read for their own action only", () => {
    const click = signTrackingToken({ a: "click", m, u: "https://shop.example/offer" });
    expect(readTrackingToken("click", click)).toEqual({ a: "click", m, u: "https://shop.example/offer" });
    expect(readTrackingToken("open", click)).toBeNull();
    expect(readTrackingToken("unsubscribe", signTrackingToken({ a: "unsubscribe", m }))).toEqual({ a: "unsubscribe", m });
    // A signature of the present format never passes for a legacy token: they have keys of their own.
    const [id] = messageTokens(m).unsubscribe.split(".");
    expect(verifyTrackingToken(`${id}.${messageTokens(m).unsubscribe.split(".")[1]}`)).toBeNull();
  });

  it("in the format sent before, round-trip, and cannot be forged or altered", () => {
    const token = signTrackingToken({ a: "click", m, u: "https://shop.example/offer?x=1" });
    expect(verifyTrackingToken(token)).toEqual({ a: "click", m, u: "https://shop.example/offer?x=1" });
    const [body, sig] = token.split(".") as [string, string];
    const forgedBody = Buffer.from(JSON.stringify({ a: "click", m, u: "https://evil.example" })).toString("base64url");
    expect(verifyTrackingToken(`${forgedBody}.${sig}`)).toBeNull();
    expect(verifyTrackingToken(`${body}.${sig.slice(0, -1)}${sig.endsWith("A") ? "B" : "A"}`)).toBeNull();
    expect(verifyTrackingToken(body)).toBeNull();
    expect(verifyTrackingToken(`${body}.${sig}.x`)).toBeNull();
    expect(verifyTrackingToken("e30.AAAAAAAAAAAAAAAAAAAAAA")).toBeNull();
    const unsub = signTrackingToken({ a: "unsubscribe", m });
    expect(verifyTrackingToken(unsub)?.a).toBe("unsubscribe");
  });
});

describe("email tracking", () => {
  it("rewrites http links, keeps mailto/anchors/unsubscribe, adds the pixel before </body>", () => {
    const base = "https://app.example";
    const urls = trackingUrls(m, base);
    const unsubscribe = urls.unsubscribe;
    const html = `<html><body><a href="https://shop.example/a?x=1&amp;y=2">Shop</a> <a href='mailto:hi@example.com'>Mail</a> <a href="#top">Top</a> <a href="${unsubscribe}">Unsubscribe</a></body></html>`;
    const out = addEmailTracking(html, urls);
    const click = /href="(https:\/\/app\.example\/t\/c\/[^"]+)"/.exec(out)![1]!;
    expect(readTrackingToken("click", click.split("/t/c/")[1]!)).toEqual({ a: "click", m, u: "https://shop.example/a?x=1&y=2" });
    expect(out).toContain("href='mailto:hi@example.com'");
    expect(out).toContain('href="#top"');
    expect(out).toContain(`href="${unsubscribe}"`);
    expect(out).toMatch(/<img src="https:\/\/app\.example\/t\/o\/[^"]+"[^>]*\/><\/body>/);
    expect(unsubscribeHeaders(unsubscribe)).toEqual({ "List-Unsubscribe": `<${unsubscribe}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" });
  });
});
