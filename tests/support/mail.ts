import { setMailTransport, type MailMessage } from "@/lib/mail";

/** Every message the app sends in this test process, in order (installed on import). */
const outbox: MailMessage[] = [];
setMailTransport({ name: "test-outbox", send: async (message) => void outbox.push(message) });

export function mailTo(email: string, kind?: MailMessage["kind"]): MailMessage[] {
  return outbox.filter((m) => m.to === email.toLowerCase() && (!kind || m.kind === kind));
}

/** The token of the newest verification link mailed to `email`. */
export function verificationTokenFor(email: string): string {
  const link = mailTo(email, "verify-email").at(-1)?.link;
  if (!link) throw new Error(`no verification link was mailed to ${email}`);
  return new URL(link).searchParams.get("token")!;
}
