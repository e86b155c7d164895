import { z } from "zod";
import { Role } from "@/lib/auth/roles";

export const Email = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ message: "must be a valid email address" }))
  .transform((e) => e.toLowerCase());

/** OWASP ASVS: at least 8 characters, long passphrases allowed, no composition rules. */
export const Password = z.string().min(8, "must be at least 8 characters").max(256, "must be at most 256 characters");

const Name = z.string().trim().min(1, "is required").max(120);

/** Every account starts with its own workspace; invitations to others are accepted afterwards. */
export const RegisterInput = z.object({ email: Email, password: Password, name: Name, tenantName: Name });
export type RegisterInput = z.infer<typeof RegisterInput>;

export const Credentials = z.object({ email: Email, password: z.string().min(1).max(256) });
export type Credentials = z.infer<typeof Credentials>;

/** A tenant named by its id or its slug. */
export const TenantRef = z.string().trim().min(1, "is required").max(100);

/** `tenant` picks which of the user's tenants the token acts in; unset, the oldest membership. */
export const TokenRequest = Credentials.extend({ tenant: TenantRef.optional() });
export type TokenRequest = z.infer<typeof TokenRequest>;

/** The session update a tenant switch sends (next-auth `update()`); checked against the memberships. */
export const SwitchTenantInput = z.object({ tenantId: z.uuid() });

export const VerifyEmailInput = z.object({ token: z.string().trim().min(16, "is not a verification token").max(200) });

export const InvitationParams = z.object({ id: z.uuid({ message: "must be a UUID" }) });

export const AddMemberInput = z.object({ email: Email, role: Role.default("member") });
export type AddMemberInput = z.infer<typeof AddMemberInput>;

export const ChangeRoleInput = z.object({ role: Role });
export type ChangeRoleInput = z.infer<typeof ChangeRoleInput>;

export const MemberParams = z.object({ userId: z.uuid({ message: "must be a UUID" }) });
