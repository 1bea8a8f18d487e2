import { afterEach, describe, expect, it } from "vitest";
import { realClock, setWorkflowClock, VirtualClock } from "@/server/workflows/embedded/clock";
import { machineKind, SCANNER_WINDOW_MS, trackingRequestOf } from "./machine-opens";

const SAFARI = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148";
const GMAIL = "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko Firefox/11.0 (via ggpht.com GoogleImageProxy)";
const sentAt = new Date("2026-03-01T10:00:00Z");
const later = (ms: number) => new Date(sentAt.getTime() + ms);

afterEach(() => setWorkflowClock(realClock));

describe("machineKind", () => {
  it("flags Apple Mail Privacy Protection's opens: the bare user agent, or Apple's network", () => {
    expect(machineKind("opened", { userAgent: "Mozilla/5.0", ip: "203.0.113.9" }, sentAt, later(3_600_000))).toBe("apple-privacy");
    expect(machineKind("opened", { userAgent: SAFARI, ip: "17.58.101.12" }, sentAt, later(3_600_000))).toBe("apple-privacy");
    expect(machineKind("opened", { userAgent: SAFARI, ip: "2620:149:a13:7001::/64" }, sentAt, later(3_600_000))).toBe("apple-privacy");
    expect(machineKind("opened", { userAgent: SAFARI, ip: "203.0.113.9" }, sentAt, later(3_600_000))).toBeNull();
    expect(machineKind("opened", { userAgent: SAFARI, ip: "170.1.2.3" }, sentAt, later(3_600_000))).toBeNull();
  });

  it("counts Gmail's image proxy as a person's open", () => {
    expect(machineKind("opened", { userAgent: GMAIL, ip: "66.249.84.1" }, sentAt, later(1_000))).toBeNull();
  });

  it("flags a script's open or click seconds after the send as a scanner's, not later and not a browser's", () => {
    expect(machineKind("clicked", { userAgent: "python-requests/2.31.0", ip: null }, sentAt, later(2_000))).toBe("security-scanner");
    expect(machineKind("opened", { userAgent: null, ip: null }, sentAt, later(2_000))).toBe("security-scanner");
    expect(machineKind("clicked", { userAgent: "Mozilla/5.0 (compatible; Barracuda Sentinel)", ip: null }, sentAt, later(2_000))).toBe("security-scanner");
    expect(machineKind("clicked", { userAgent: "python-requests/2.31.0", ip: null }, sentAt, later(SCANNER_WINDOW_MS + 1))).toBeNull();
    expect(machineKind("clicked", { userAgent: SAFARI, ip: null }, sentAt, later(2_000))).toBeNull();
    expect(machineKind("clicked", { userAgent: null, ip: null }, null, later(2_000))).toBeNull(); // never sent: no window
  });

  it("measures the window on the executor's clock, the one sentAt was written with", () => {
    // Time travel: the executor's clock is a day ahead of real time, and so is every sentAt.
    setWorkflowClock(new VirtualClock(new Date(Date.now() + 86_400_000)));
    const sentLongAgo = new Date(Date.now() + 86_400_000 - 3_600_000);
    expect(machineKind("clicked", { userAgent: "python-requests/2.31.0", ip: null }, sentLongAgo)).toBeNull();
  });

  it("reads the user agent and client address of a request", () => {
    const request = new Request("http://x/t/o/tok", { headers: { "user-agent": "Mozilla/5.0", "x-forwarded-for": "17.1.2.3" } });
    expect(trackingRequestOf(request)).toEqual({ userAgent: "Mozilla/5.0", ip: "17.1.2.3" });
  });
});
