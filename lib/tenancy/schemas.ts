import { z } from "zod";
import { Role } from "@/lib/auth/roles";
import { listOf, pageParams } from "@/lib/http/list";
import { Id, Timestamp } from "@/lib/http/wire";

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

export const ListMembersQuery = z.object({
  ...pageParams({ defaultLimit: 100, maxLimit: 200 }),
  role: Role.optional().meta({ description: "Only the members with this role" }),
});
export type ListMembersQuery = z.infer<typeof ListMembersQuery>;

export const ListInvitationsQuery = z.object(pageParams({ defaultLimit: 100, maxLimit: 200 }));
export type ListInvitationsQuery = z.infer<typeof ListInvitationsQuery>;

/* What the account and tenant routes answer. */

/** The one answer to every accepted registration, whether or not the email already had an account. */
export const RegistrationAnswer = z.object({
  message: z.string().meta({ examples: ["Check your email for a link to confirm the address, and sign in with your password."] }),
});
export type RegistrationAnswer = z.infer<typeof RegistrationAnswer>;

/** A tenant the user belongs to, with their role there. */
export const UserTenant = z
  .object({
    id: Id,
    name: z.string(),
    slug: z
      .string()
      .meta({ description: "Unique; `tenant` in POST /api/v1/auth/token accepts it in place of the id", examples: ["acme-3f9a2b"] }),
    role: Role,
  })
  .meta({ id: "UserTenant" });
export type UserTenant = z.infer<typeof UserTenant>;

export const IssuedToken = z
  .object({
    token: z.string().meta({ description: "Send as `Authorization: Bearer <token>`" }),
    tokenType: z.literal("Bearer"),
    expiresAt: Timestamp,
    expiresIn: z
      .number()
      .int()
      .meta({ description: "Seconds the token is valid for", examples: [900] }),
    user: z.object({ id: Id, email: z.string() }),
    tenantId: Id.meta({ description: "The tenant the token acts in (also `tenant.id`)" }),
    tenant: UserTenant,
  })
  .meta({ id: "IssuedToken" });

/** The signed-in user, the tenant they act in and their role there, and every tenant they may switch to. */
export const Account = z
  .object({
    user: z.object({
      id: Id,
      email: z.string(),
      name: z.string(),
      emailVerified: z.boolean().meta({ description: "Whether the address was confirmed; invitations reach verified accounts only" }),
    }),
    tenant: z.object({ id: Id, name: z.string(), slug: z.string() }),
    role: Role,
    tenants: z.array(UserTenant).meta({ description: "Oldest membership first" }),
  })
  .meta({ id: "Account" });
export type Account = z.infer<typeof Account>;

export const EmailVerificationState = z.object({
  emailVerified: z.boolean().meta({ description: "True: the address was already confirmed and no link was sent" }),
});
export const EmailVerified = z.object({ emailVerified: z.literal(true) });

/** A pending invitation of the caller's tenant (it may have expired: inviting the email again renews it). */
export const PendingInvitation = z
  .object({ id: Id, email: z.string(), role: Role, expiresAt: Timestamp, createdAt: Timestamp })
  .meta({ id: "PendingInvitation" });
export type PendingInvitation = z.infer<typeof PendingInvitation>;
export const PendingInvitationPage = listOf("invitations", PendingInvitation);

export const CreatedInvitation = z.object({
  invitation: PendingInvitation.extend({
    renewed: z
      .boolean()
      .meta({ description: "The email had a pending invitation, now renewed (role, inviter, expiry), rather than a new one" }),
    acceptUrl: z.string().meta({ description: "Where the addressee accepts it, once signed in with a verified account" }),
  }),
});

/** An invitation addressed to the caller's verified email. */
export const MyInvitation = z
  .object({ id: Id, role: Role, expiresAt: Timestamp, createdAt: Timestamp, tenant: z.object({ id: Id, name: z.string() }) })
  .meta({ id: "MyInvitation" });
export type MyInvitation = z.infer<typeof MyInvitation>;
export const MyInvitationPage = listOf("invitations", MyInvitation).extend({
  emailVerified: z.boolean().meta({ description: "False: the caller's email is not confirmed, and no invitation is shown until it is" }),
});

/** The tenant joined, with the caller's role there. */
export const AcceptedInvitation = z.object({ tenant: UserTenant });

export const Member = z
  .object({
    userId: Id,
    email: z.string(),
    name: z.string(),
    role: Role,
    joinedAt: Timestamp,
  })
  .meta({ id: "Member" });
export type Member = z.infer<typeof Member>;
export const MemberPage = listOf("members", Member);
export const ChangedMember = z.object({ member: Member });
