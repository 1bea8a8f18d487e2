import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { ALLOWED_PRIVATE_HOSTS_ENV, isAllowListed } from "./allowed-hosts";
import { outgoingUrlProblem, REFUSED_ADDRESS_MESSAGE, refuseInternalUrl } from "./check-outgoing-url";

afterEach(() => void vi.unstubAllEnvs());

describe("outgoingUrlProblem (what is refused when a URL is saved)", () => {
  it.each([
    "http://127.0.0.1:3450/", "http://127.1/", "http://2130706433/", "http://0x7f.0.0.1/", "http://0.0.0.0:5432/", "http://[::1]/", "http://[::]/",
    "http://[::ffff:127.0.0.1]/", "http://[::ffff:a9fe:a9fe]/", "http://169.254.169.254/latest/meta-data/", "http://[fd00:ec2::254]/", "http://[fe80::1]/",
    "https://10.0.0.5/hook", "http://192.168.1.1/", "http://100.100.100.200/", "http://localhost:3000/", "http://LOCALHOST./", "http://api.localhost/", "http://metadata.google.internal/",
  ])("refuses %s", (url) => {
    expect(outgoingUrlProblem(url)).toBe(REFUSED_ADDRESS_MESSAGE);
  });

  it.each(["https://hooks.slack.com/services/T/B/X", "https://example.com:8443/hook", "http://8.8.8.8/", "https://[2606:4700:4700::1111]/", "https://internal-sounding.example.net/"])("accepts %s", (url) => {
    expect(outgoingUrlProblem(url)).toBeNull();
  });

  it.each(["file:///etc/passwd", "ftp://example.com/", "gopher://127.0.0.1:6379/", "not a url", "javascript:alert(1)"])("refuses the non-http(s) %s", (url) => {
    expect(outgoingUrlProblem(url)).toBe("Enter an http(s) URL");
  });

  it("lets an allow-listed host through, on its port only when the entry names one", () => {
    vi.stubEnv(ALLOWED_PRIVATE_HOSTS_ENV, "127.0.0.1:4000, localhost [::1]:8080,receiver.internal");
    expect(outgoingUrlProblem("http://127.0.0.1:4000/hook")).toBeNull();
    expect(outgoingUrlProblem("http://127.0.0.1:4001/hook")).toBe(REFUSED_ADDRESS_MESSAGE);
    expect(outgoingUrlProblem("http://localhost:9999/")).toBeNull();
    expect(outgoingUrlProblem("http://[::1]:8080/")).toBeNull();
    expect(outgoingUrlProblem("http://[::1]:8081/")).toBe(REFUSED_ADDRESS_MESSAGE);
    // An entry names the host as written in the URL: 127.0.0.1:4000 does not allow 127.0.0.2 or [::1]:4000.
    expect(outgoingUrlProblem("http://127.0.0.2:4000/")).toBe(REFUSED_ADDRESS_MESSAGE);
    expect(isAllowListed(new URL("http://receiver.internal/"))).toBe(true);
    expect(isAllowListed(new URL("http://other.internal/"))).toBe(false);
  });

  it("matches default ports and normalized hosts", () => {
    vi.stubEnv(ALLOWED_PRIVATE_HOSTS_ENV, "LocalHost:80,127.0.0.1:443");
    expect(isAllowListed(new URL("http://localhost/"))).toBe(true);
    expect(isAllowListed(new URL("https://localhost/"))).toBe(false);
    expect(isAllowListed(new URL("https://127.1/"))).toBe(true);
  });

  it("skips a malformed entry with a warning, keeping the others", () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    vi.stubEnv(ALLOWED_PRIVATE_HOSTS_ENV, "http://x:1/,127.0.0.1:4000");
    expect(outgoingUrlProblem("http://127.0.0.1:4000/")).toBeNull();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('"http://x:1/"'));
    warn.mockRestore();
  });

  it("refuses with one issue on the field, leaving non-URLs to the URL check", () => {
    const ZHook = z.object({ url: z.url({ protocol: /^https?$/, error: "Enter an http(s) URL" }).superRefine(refuseInternalUrl) });
    expect(ZHook.safeParse({ url: "http://169.254.169.254/" }).error?.issues).toEqual([expect.objectContaining({ path: ["url"], message: REFUSED_ADDRESS_MESSAGE })]);
    expect(ZHook.safeParse({ url: "ftp://example.com/" }).error?.issues).toEqual([expect.objectContaining({ path: ["url"], message: "Enter an http(s) URL" })]);
    expect(ZHook.safeParse({ url: "https://example.com/" }).success).toBe(true);
  });
});
