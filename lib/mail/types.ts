/** One outgoing email. `link`, when present, is the one action the message asks for. */
export type MailMessage = {
  kind: "verify-email" | "invitation" | "registration-attempt";
  to: string;
  subject: string;
  text: string;
  link?: string;
};

/** Delivers mail. Implementations never throw for a rejected recipient: delivery problems are theirs to log. */
export type MailTransport = { name: string; send(message: MailMessage): Promise<void> };
