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

export const RegisterInput = z.object({
  email: Email,
  password: Password,
  name: Name,
  /** Ignored when joining through an invitation. */
  tenantName: Name.optional(),
  inviteToken: z.string().min(16).max(200).optional(),
}).refine((v) => v.inviteToken || v.tenantName, { message: "tenantName is required", path: ["tenantName"] });
export type RegisterInput = z.infer<typeof RegisterInput>;

export const Credentials = z.object({ email: Email, password: z.string().min(1).max(256) });
export type Credentials = z.infer<typeof Credentials>;

export const AddMemberInput = z.object({ email: Email, role: Role.default("member") });
export type AddMemberInput = z.infer<typeof AddMemberInput>;

export const ChangeRoleInput = z.object({ role: Role });
export type ChangeRoleInput = z.infer<typeof ChangeRoleInput>;

export const MemberParams = z.object({ userId: z.uuid({ message: "must be a UUID" }) });
