import { describe, expect, it } from "vitest";
import { AppError } from "@/server/errors";
import { readBodyBytes, readBodyText } from "./read-body";
import { readJsonBody } from "./read-json-body";

const CHUNK = 16 * 1024;

/** A body that never ends, counting the chunks pulled and whether it was cancelled. */
function endlessBody(headers: Record<string, string> = {}) {
  const seen = { pulled: 0, cancelled: false };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      seen.pulled++;
      controller.enqueue(new Uint8Array(CHUNK).fill(0x20));
    },
    cancel() {
      seen.cancelled = true;
    },
  }, { highWaterMark: 0 });
  const req = new Request("http://x/", { method: "POST", body: stream, headers, duplex: "half" } as RequestInit);
  return { req, seen };
}

async function errorOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("no error");
}

describe("readBodyBytes", () => {
  it("cuts a body that never ends at the limit plus one chunk and cancels the stream", async () => {
    const { req, seen } = endlessBody();
    const error = await errorOf(readBodyBytes(req, 64 * 1024));
    expect(error).toMatchObject({ code: "PAYLOAD_TOO_LARGE", field: "body", message: "The body is larger than the limit of 64 KB" });
    expect(seen.pulled).toBeLessThanOrEqual(64 / 16 + 2);
    expect(seen.cancelled).toBe(true);
  });

  it("refuses a declared Content-Length over the limit without reading a byte", async () => {
    const { req, seen } = endlessBody({ "content-length": String(10 * 1024 * 1024) });
    expect(await errorOf(readBodyBytes(req, 32 * 1024))).toMatchObject({ code: "PAYLOAD_TOO_LARGE" });
    expect(seen.pulled).toBe(0);
  });

  it("reads a body of exactly the limit, in pieces", async () => {
    const parts = [new Uint8Array([1, 2]), new Uint8Array([3]), new Uint8Array([4, 5])];
    const stream = new ReadableStream<Uint8Array>({ start: (c) => (parts.forEach((p) => c.enqueue(p)), c.close()) });
    const req = new Request("http://x/", { method: "POST", body: stream, duplex: "half" } as RequestInit);
    expect([...(await readBodyBytes(req, 5))]).toEqual([1, 2, 3, 4, 5]);
  });
});

describe("readBodyText and readJsonBody", () => {
  const post = (body: BodyInit) => new Request("http://x/", { method: "POST", body });

  it("refuses bytes that are not UTF-8 (an encoded surrogate, a stray continuation byte)", async () => {
    expect(await errorOf(readBodyText(post(new Uint8Array([0x22, 0xed, 0xa0, 0x80, 0x22])), 100))).toMatchObject({ code: "BAD_REQUEST", field: "body" });
    expect(await errorOf(readBodyText(post(new Uint8Array([0x80])), 100))).toMatchObject({ code: "BAD_REQUEST" });
    expect(await readBodyText(post("h\u00e9 \u{1f600}"), 100)).toBe("h\u00e9 \u{1f600}");
  });

  it("parses JSON, treats an empty body as {}, and names the field PostgreSQL could not store", async () => {
    expect(await readJsonBody(post('{"a":[1,"\\ud83d\\ude00"]}'), 100)).toEqual({ a: [1, "\u{1f600}"] });
    expect(await readJsonBody(post(" "), 100)).toEqual({});
    expect(await errorOf(readJsonBody(post("{nope"), 100))).toMatchObject({ code: "BAD_REQUEST", field: "body" });
    expect(await errorOf(readJsonBody(post('{"userId":"a","event":"a\\u0000b"}'), 100))).toMatchObject({ code: "BAD_REQUEST", field: "event" });
    const deep = "[".repeat(5000) + "]".repeat(5000);
    expect(await errorOf(readJsonBody(post(deep), 20_000))).toMatchObject({ code: "BAD_REQUEST", message: expect.stringContaining("nested deeper than 64 levels") });
  });
});
