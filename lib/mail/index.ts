import "server-only";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { logTransport } from "@/lib/mail/log-transport";
import type { MailMessage, MailTransport } from "@/lib/mail/types";

export type { MailMessage, MailTransport } from "@/lib/mail/types";

/** Process-wide, like every other client: Next.js loads route handlers and pages as separate module graphs. */
const globalForMail = globalThis as unknown as { aosMailTransport?: MailTransport };

export function getMailTransport(): MailTransport {
  return globalForMail.aosMailTransport ?? logTransport;
}

/** Replaces the transport for this process (a mail server's, or a test's outbox). */
export function setMailTransport(transport: MailTransport): void {
  globalForMail.aosMailTransport = transport;
}

/**
 * Sends one message. Never throws: a failed delivery must not change what the caller answers
 * (registration and invitation answers look the same whatever happens to the mail).
 */
export async function sendMail(message: MailMessage): Promise<void> {
  const transport = getMailTransport();
  try {
    await transport.send(message);
  } catch (error) {
    log.error("mail delivery failed", { transport: transport.name, kind: message.kind, error });
  }
}

/**
 * The origin links in mail point to: NEXTAUTH_URL when set, else the request's own origin. A
 * transport that delivers to mailboxes needs NEXTAUTH_URL, or a forged Host header would choose
 * where a verification link (and its token) goes.
 */
export function appUrlFor(requestOrigin: string): string {
  return env.publicUrl ?? requestOrigin;
}
