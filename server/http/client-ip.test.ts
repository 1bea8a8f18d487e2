import { afterEach, describe, expect, it, vi } from "vitest";
import { clientIp, ipKey } from "./client-ip";
import { PEER_HEADER, recordPeerAddresses } from "./peer-address";

describe("the client address used for throttling", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("normalizes addresses: IPv4-mapped to IPv4, IPv6 to its /64, garbage to null", () => {
    expect(ipKey("203.0.113.7")).toBe("203.0.113.7");
    expect(ipKey("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(ipKey("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(ipKey("2001:DB8:1:2:bbbb:cccc:dddd:eeee")).toBe("2001:db8:1:2::/64");
    expect(ipKey("[::1]")).toBe("0:0:0:0::/64");
    expect(ipKey("fe80::1%eth0")).toBe("fe80:0:0:0::/64");
    expect(ipKey("not an ip")).toBeNull();
    expect(ipKey(undefined)).toBeNull();
  });

  it("behind N trusted proxies, takes the N-th forwarded address from the right", () => {
    const headers = new Headers({ "x-forwarded-for": "1.1.1.1, 203.0.113.7, 10.0.0.2" });
    vi.stubEnv("PARCOURS_TRUST_PROXY", "1");
    expect(clientIp(headers)).toBe("10.0.0.2");
    vi.stubEnv("PARCOURS_TRUST_PROXY", "2");
    expect(clientIp(headers)).toBe("203.0.113.7");
    vi.stubEnv("PARCOURS_TRUST_PROXY", "yes");
    expect(() => clientIp(headers)).toThrow(/PARCOURS_TRUST_PROXY/);
  });

  it("without a trusted proxy, believes the recorded socket address over anything the client sent", async () => {
    recordPeerAddresses();
    const http = await import("node:http");
    const server = http.createServer((req, res) => {
      const headers = new Headers(req.headers as Record<string, string>);
      res.end(String(clientIp(headers)));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as { port: number };
    const res = await fetch(`http://127.0.0.1:${port}/`, { headers: { "x-forwarded-for": "198.51.100.1", [PEER_HEADER]: "198.51.100.2" } });
    expect(await res.text()).toBe("127.0.0.1");
    server.close();
  });
});
