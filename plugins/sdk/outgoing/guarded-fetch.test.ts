import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { providerFetch } from "../http";
import { allowPrivateHost, closedPort, startFakeServer, startInternalTarget, stubDns, type THttpFake, type TInternalTarget } from "../testing";
import { REFUSED_ADDRESS_MESSAGE } from "./check-outgoing-url";
import { guardedFetch } from "./guarded-fetch";

let target: TInternalTarget;
let redirector: THttpFake;
beforeAll(async () => {
  target = await startInternalTarget();
  redirector = await startFakeServer(() => ({ status: 302, headers: { location: `http://127.0.0.1:${target.port}/stolen` } }));
});
afterAll(async () => Promise.all([target.close(), redirector.close()]));
afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

const post = (url: string) => guardedFetch(url, { method: "POST", body: "{}", timeoutMs: 2_000 }, "Test").then(() => null, (e: unknown) => e);
const refused = { retryable: false, code: "address_refused", message: `Test: ${REFUSED_ADDRESS_MESSAGE}` };

describe("guardedFetch", () => {
  it.each(["127.0.0.1", "127.0.0.2", "localhost", "localhost.", "[::1]", "[::ffff:127.0.0.1]", "0.0.0.0", "[::]", "2130706433"])("refuses %s before connecting", async (host) => {
    expect(await post(`http://${host}:${target.port}/x`)).toMatchObject(refused);
    expect(target.hits).toEqual([]);
  });

  it.each([[["127.0.0.1"]], [["::1"]], [["::ffff:127.0.0.1"]], [["8.8.8.8", "127.0.0.1"]], [["169.254.169.254"]]])("refuses a name that resolves to %j, when the socket connects", async (addresses) => {
    const lookup = stubDns({ "hooks.example.test": [addresses] });
    expect(await post(`http://hooks.example.test:${target.port}/x`)).toMatchObject(refused);
    expect(lookup).toHaveBeenCalledTimes(1);
    expect(target.hits).toEqual([]);
  });

  it("resolves once per connection: the checked answer is the one connected to (no DNS rebinding)", async () => {
    // A public answer first, then the internal one: a second lookup at connect time would reach the target.
    const lookup = stubDns({ "rebind.example.test": [["8.8.8.8"], ["127.0.0.1"]] });
    await guardedFetch(`http://rebind.example.test:${target.port}/x`, { timeoutMs: 300 }, "Test").catch(() => null);
    expect(lookup).toHaveBeenCalledTimes(1);
    expect(target.hits).toEqual([]);
  });

  it("says the same about an open and a closed internal port", async () => {
    const open = await post(`http://127.0.0.1:${target.port}/`);
    const closed = await post(`http://127.0.0.1:${await closedPort()}/`);
    expect(closed).toEqual(open);
    expect(open).toMatchObject(refused);
  });

  it("never follows a redirect, even from an allowed host to an internal one", async () => {
    allowPrivateHost(redirector.url);
    const response = await guardedFetch(`${redirector.url}/hook`, { method: "POST", body: "{}" }, "Test");
    expect([response.status, response.headers.get("location")]).toEqual([302, `http://127.0.0.1:${target.port}/stolen`]);
    await expect(providerFetch(`${redirector.url}/hook`, { body: {}, signal: new AbortController().signal }, "Test")).rejects.toMatchObject({ retryable: false, code: "http_302" });
    expect(target.hits).toEqual([]);
  });

  it("reaches an allow-listed host on its listed port only", async () => {
    allowPrivateHost(`http://127.0.0.1:${target.port}`);
    const response = await guardedFetch(`http://127.0.0.1:${target.port}/allowed`, { method: "POST", body: "{}" }, "Test");
    expect([response.status, response.text]).toEqual([200, "internal"]);
    expect(await post(`http://localhost:${target.port}/other-name`)).toMatchObject(refused);
    expect(target.hits).toEqual(["POST /allowed"]);
    target.hits.length = 0;
  });

  it("reports a failed connection without the socket's details", async () => {
    const port = await closedPort();
    allowPrivateHost(`http://127.0.0.1:${port}`);
    const error = await post(`http://127.0.0.1:${port}/`);
    expect(error).toMatchObject({ retryable: true, code: "network", message: "Test: the connection failed" });
  });

  it.each(["file:///etc/passwd", "ftp://example.com/", "gopher://127.0.0.1:6379/_", "not a url"])("refuses the non-http(s) URL %s", async (url) => {
    expect(await post(url)).toMatchObject({ retryable: false, code: "invalid_url" });
  });
});
