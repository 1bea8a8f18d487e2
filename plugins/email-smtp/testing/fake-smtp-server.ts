import type { AddressInfo } from "node:net";
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import type { TProviderFake } from "../../sdk/testing";
import { idempotencyKeyOf } from "../smtp-protocol";

// Test support only (smtp-server and mailparser are dev dependencies): a local SMTP server
// that parses what it accepts and can answer MAIL FROM with a chosen failure code.

export interface TFakeSmtpServer extends TProviderFake {
  port: number;
  /** smtp://127.0.0.1:<port>: the contract kit allow-lists this host and port. */
  url: string;
  readonly sends: { idempotencyKey?: string; mail: ParsedMail; envelope: { from: string; to: string[] } }[];
  logins: { username: string; password: string }[];
}

export async function startFakeSmtpServer(credentials?: { username: string; password: string }): Promise<TFakeSmtpServer> {
  let failure: number | null = null;
  const sends: TFakeSmtpServer["sends"] = [];
  const logins: TFakeSmtpServer["logins"] = [];
  const server = new SMTPServer({
    disabledCommands: ["STARTTLS"],
    allowInsecureAuth: true,
    authOptional: !credentials,
    logger: false,
    // close() waits this long for clients' pooled connections (default 30 s: half a minute a test file).
    closeTimeout: 100,
    onAuth(auth, _session, callback) {
      logins.push({ username: auth.username ?? "", password: auth.password ?? "" });
      if (credentials && auth.username === credentials.username && auth.password === credentials.password) return callback(null, { user: auth.username });
      callback(Object.assign(new Error("Authentication credentials invalid"), { responseCode: 535 }));
    },
    onMailFrom(_address, _session, callback) {
      if (failure !== null) return callback(Object.assign(new Error(`Fake failure ${failure}`), { responseCode: failure }));
      callback();
    },
    onData(stream, session, callback) {
      simpleParser(stream).then(
        (mail) => {
          const envelope = {
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((r) => r.address),
          };
          sends.push({ idempotencyKey: idempotencyKeyOf(mail.messageId), mail, envelope });
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    url: `smtp://127.0.0.1:${port}`,
    sends,
    logins,
    failWith: (code) => void (failure = code),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
