import { describe, expect, it } from "vitest";
import { connectionOptions } from "./connection-options";

describe("connectionOptions", () => {
  it("keeps a plain URL as it is", () => {
    expect(connectionOptions("postgres://postgres@127.0.0.1:5432/test")).toEqual({ url: "postgres://postgres@127.0.0.1:5432/test" });
  });

  it("turns libpq's host=/dir into the socket directory and takes it out of the URL", () => {
    expect(connectionOptions("postgres://postgres@localhost:5432/test?host=/var/run/postgresql&sslmode=disable")).toEqual({
      url: "postgres://postgres@localhost:5432/test?sslmode=disable",
      host: "/var/run/postgresql",
    });
  });

  it("leaves a host parameter that names no directory to the driver", () => {
    expect(connectionOptions("postgres://u@localhost/test?host=db.internal").host).toBeUndefined();
  });
});
