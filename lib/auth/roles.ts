import { z } from "zod";

export const Role = z.enum(["owner", "admin", "member", "viewer"]);
export type Role = z.infer<typeof Role>;

/**
 * Scopes are `area:action`. A role grants a fixed set; routes declare the scope they need.
 * Later areas (aam, dcl, tasks, ...) add their scopes here, so the role matrix stays in one table.
 */
const READ = ["tenant:read", "members:read", "tasks:read", "aam:read", "dcl:read", "agents:read", "kb:read"] as const;
/** `llm:use` spends the tenant's language-model budget (mapping suggestions). */
const WRITE = [...READ, "tenant:write", "tasks:write", "aam:write", "dcl:write", "agents:write", "kb:write", "llm:use"] as const;
/** `pii:read` sees what redaction hides: the original files of the knowledge base. */
const ADMIN = [...WRITE, "members:write", "settings:write", "pii:read"] as const;
const OWNER = [...ADMIN, "members:admin"] as const;

export const Scope = z.enum(OWNER);
export type Scope = z.infer<typeof Scope>;

/** Least to most privileged. */
const RANKED: readonly Role[] = ["viewer", "member", "admin", "owner"];

const GRANTS: Record<Role, ReadonlySet<Scope>> = {
  viewer: new Set(READ),
  member: new Set(WRITE),
  admin: new Set(ADMIN),
  owner: new Set(OWNER),
};

export function roleHasScope(role: Role, scope: Scope): boolean {
  return GRANTS[role].has(scope);
}

/** The least privileged role that holds every one of `scopes` (viewer for none). */
export function leastRoleWith(scopes: readonly Scope[]): Role {
  return RANKED.find((role) => scopes.every((scope) => GRANTS[role].has(scope))) ?? "owner";
}

/** The less privileged of two roles. */
export function lowerRole(a: Role, b: Role): Role {
  return RANKED.indexOf(a) <= RANKED.indexOf(b) ? a : b;
}
