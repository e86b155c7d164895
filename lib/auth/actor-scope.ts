import type { Actor } from "@/lib/auth/context";
import { roleHasScope, type Scope } from "@/lib/auth/roles";
import { SCOPE_WORDS } from "@/lib/auth/scope-words";

/**
 * The one permission check for a caller: a person needs a role that grants the scope; an API key
 * needs the scope itself, and its creator's current role must still grant it.
 */
export function actorHasScope(actor: Actor, scope: Scope): boolean {
  if (!roleHasScope(actor.role, scope)) return false;
  return actor.via !== "api_key" || actor.scopes.includes(scope);
}

/** Why `actorHasScope` said no, in words the caller can act on. */
export function scopeRefusal(actor: Actor, scope: Scope): string {
  if (actor.via === "api_key" && !actor.scopes.includes(scope)) {
    return `This API key lacks the scope ${scope} (${SCOPE_WORDS[scope].label.toLowerCase()})`;
  }
  if (actor.via === "api_key") return `The member who created this API key is now ${articled(actor.role)}, which cannot do this`;
  return `Your role (${actor.role}) cannot do this`;
}

const articled = (role: string) => `${/^[aeiou]/.test(role) ? "an" : "a"} ${role}`;
