import { log } from "@/lib/log";
import type { MailTransport } from "@/lib/mail/types";

/**
 * The transport while no mail server is configured: each message is one JSON log line (level info),
 * so the operator can hand a verification link to its owner.
 */
export const logTransport: MailTransport = {
  name: "log",
  async send(message) {
    log.info("mail not sent (no mail transport configured)", { mail: message });
  },
};
