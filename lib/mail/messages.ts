import type { MailMessage } from "@/lib/mail/types";

/**
 * The product's emails. `appUrl` is the app's public origin (NEXTAUTH_URL, else the request's
 * origin); links are absolute because they leave the app.
 */
export function verifyEmailMessage({
  to,
  appUrl,
  token,
  expiresAt,
}: {
  to: string;
  appUrl: string;
  token: string;
  expiresAt: Date;
}): MailMessage {
  const link = new URL(`/verify?token=${encodeURIComponent(token)}`, appUrl).toString();
  return {
    kind: "verify-email",
    to,
    subject: "Confirm your email address for AutonomOS",
    text: `Open this link while signed in to AutonomOS to confirm that ${to} is yours (valid until ${expiresAt.toISOString()}):\n${link}\n\nIf you did not create an AutonomOS account, ignore this message.`,
    link,
  };
}

/** The page where an invitee accepts: it holds no secret, so the link may be shared anywhere. */
export const invitationsUrl = (appUrl: string) => new URL("/invitations", appUrl).toString();

export function invitationMessage({
  to,
  appUrl,
  tenantName,
  role,
}: {
  to: string;
  appUrl: string;
  tenantName: string;
  role: string;
}): MailMessage {
  const link = invitationsUrl(appUrl);
  return {
    kind: "invitation",
    to,
    subject: `You are invited to ${tenantName} on AutonomOS`,
    text: `You are invited to join ${tenantName} as ${role}. Sign in (or create an account) with ${to}, confirm the address, then accept the invitation here:\n${link}`,
    link,
  };
}

export function registrationAttemptMessage({ to, appUrl }: { to: string; appUrl: string }): MailMessage {
  const link = new URL("/login", appUrl).toString();
  return {
    kind: "registration-attempt",
    to,
    subject: "Someone tried to create an AutonomOS account with your email",
    text: `Someone tried to register a new account with ${to}, which already has one. If that was you, sign in instead:\n${link}\n\nIf it was not you, no action is needed: nothing was changed.`,
    link,
  };
}
