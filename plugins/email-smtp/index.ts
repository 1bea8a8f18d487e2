import { createTransport } from "nodemailer";
import { z } from "zod";
import { defineChannelPlugin, emailKind, outgoingHostProblem, permanentError, retryableError, secret, type TEmailMessage, type TSendResult } from "../sdk";
import { noDelaySocket } from "./no-delay-socket";
import { classifySmtpError, messageIdFor } from "./smtp-protocol";

const settings = z
  .object({
    host: z.string().trim().min(1, "Enter the SMTP server's host name").meta({ title: "Host", placeholder: "smtp.example.com" }),
    port: z.number().int().min(1).max(65535, "A port is between 1 and 65535").default(587).meta({ title: "Port" }),
    secure: z.boolean().default(false).meta({ title: "TLS from the start", description: "On for port 465; otherwise STARTTLS is used when the server offers it." }),
    username: z.string().optional().meta({ title: "Username" }),
    password: secret("Password").optional(),
    fromName: z.string().trim().max(100).optional().meta({ title: "Sender name", placeholder: "Acme" }),
    fromAddress: z.email("Enter the sender's email address").meta({ title: "Sender address", placeholder: "hello@example.com" }),
    replyTo: z.email("Enter a valid reply-to address").optional().meta({ title: "Reply-to address" }),
    maxConnections: z.number().int().min(1).max(50, "At most 50 connections").default(5).meta({ title: "Parallel connections", description: "Connections kept open to the server; each carries up to 100 messages." }),
  })
  .superRefine((s, ctx) => {
    const hostProblem = s.host ? outgoingHostProblem(s.host, s.port) : null;
    if (hostProblem) ctx.addIssue({ code: "custom", path: ["host"], message: hostProblem });
    if (s.username && !s.password) ctx.addIssue({ code: "custom", path: ["password"], message: "Enter the password for this username" });
  });

export default defineChannelPlugin({
  meta: {
    id: "email-smtp",
    kind: emailKind.id,
    name: "SMTP",
    description: "Sends email through any SMTP server.",
    icon: "mail",
    docsUrl: "https://nodemailer.com/smtp/",
  },
  settings,
  create(s) {
    // A pool: campaign sends reuse a few open connections instead of one handshake per message.
    const transporter = createTransport({
      pool: true,
      maxConnections: s.maxConnections,
      maxMessages: 100,
      host: s.host,
      port: s.port,
      secure: s.secure,
      auth: s.username ? { user: s.username, pass: s.password } : undefined,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
      getSocket: noDelaySocket,
    } as Parameters<typeof createTransport>[0]);
    return {
      async send(message: TEmailMessage, recipient, { idempotencyKey, signal }): Promise<TSendResult> {
        if (!recipient.email) throw permanentError("The profile has no email address", "no_address");
        if (signal.aborted) throw retryableError("The send was cancelled", "aborted");
        const sending = transporter.sendMail({
          from: message.from ?? (s.fromName ? { name: s.fromName, address: s.fromAddress } : s.fromAddress),
          to: recipient.email,
          replyTo: message.replyTo ?? s.replyTo,
          subject: message.subject,
          html: message.html,
          text: message.text,
          headers: message.headers,
          messageId: messageIdFor(idempotencyKey, s.fromAddress),
        });
        sending.catch(() => undefined);
        // nodemailer cannot cancel a send in flight: stop waiting; the server may still accept it.
        let onAbort = () => {};
        const aborted = new Promise<never>((_, reject) => {
          onAbort = () => reject(retryableError("The send was cancelled", "aborted"));
          signal.addEventListener("abort", onAbort, { once: true });
        });
        try {
          const info = await Promise.race([sending, aborted]);
          return { status: "sent", providerMessageId: info.messageId };
        } catch (error) {
          throw classifySmtpError(error);
        } finally {
          signal.removeEventListener("abort", onAbort);
        }
      },
      async testConnection() {
        try {
          await transporter.verify();
          return { ok: true, message: `Connected to ${s.host}:${s.port}` };
        } catch (error) {
          return { ok: false, message: classifySmtpError(error).message };
        }
      },
    };
  },
});
