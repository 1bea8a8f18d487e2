import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { providerFetch } from "./http";
import { allowPrivateHost, closedPort, startFakeServer, type THttpFake } from "./testing";

describe("providerFetch", () => {
  let fake: THttpFake;
  beforeAll(async () => {
    fake = await startFakeServer(async (request) => {
      if (request.path === "/slow") await new Promise((resolve) => setTimeout(resolve, 500));
      if (request.path === "/refuse") return { status: 400, body: "invalid_payload" };
      return { body: { echo: request.body ? request.json() : null, type: request.headers["content-type"] } };
    });
    allowPrivateHost(fake.url);
  });
  afterAll(() => fake.close());
  const signal = () => new AbortController().signal;

  it("posts JSON and returns the answer", async () => {
    const response = await providerFetch(`${fake.url}/ok`, { body: { a: 1 }, signal: signal() }, "Test");
    expect(JSON.parse(response.text)).toEqual({ echo: { a: 1 }, type: "application/json" });
  });

  it("turns a refusal into a permanent error with the provider's code", async () => {
    const refused = providerFetch(`${fake.url}/refuse`, { body: {}, signal: signal(), errorCodeOf: (t) => t }, "Test");
    await expect(refused).rejects.toMatchObject({ retryable: false, code: "invalid_payload", message: expect.stringContaining("HTTP 400") });
  });

  it("makes an unreachable host, a timeout and a cancel retryable", async () => {
    const closed = allowPrivateHost(`http://127.0.0.1:${await closedPort()}/`);
    await expect(providerFetch(closed, { body: {}, signal: signal() }, "Test")).rejects.toMatchObject({ retryable: true, code: "network" });
    await expect(providerFetch(`${fake.url}/slow`, { body: {}, signal: signal(), timeoutMs: 50 }, "Test")).rejects.toMatchObject({ retryable: true, code: "timeout" });
    await expect(providerFetch(`${fake.url}/ok`, { body: {}, signal: AbortSignal.abort() }, "Test")).rejects.toMatchObject({ retryable: true, code: "aborted" });
  });

  it("counts only accepted POSTs as sends, and fails them on demand", async () => {
    const before = fake.sends.length;
    fake.failWith(503);
    await expect(providerFetch(`${fake.url}/ok`, { body: {}, signal: signal() }, "Test")).rejects.toMatchObject({ retryable: true, code: "http_503" });
    fake.failWith(null);
    await providerFetch(`${fake.url}/ok`, { method: "GET", signal: signal() }, "Test");
    expect(fake.sends.length).toBe(before);
  });
});
