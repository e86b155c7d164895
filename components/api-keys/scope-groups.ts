import { leastRoleWith, type Role, type Scope } from "@/lib/auth/roles";
import { SCOPE_WORDS } from "@/lib/auth/scope-words";
import type { ScopeGroup } from "./create-api-key-form";

const TITLES: Record<Role, string> = { viewer: "Read", member: "Change", admin: "Administer", owner: "Administer" };

/** Scopes grouped by the least role that holds them: reads, changes, then administration. Reserved ones are left out. */
export function scopeGroups(scopes: readonly Scope[]): ScopeGroup[] {
  const groups = new Map<string, Scope[]>();
  for (const scope of scopes.filter((s) => !SCOPE_WORDS[s].reserved)) {
    const title = TITLES[leastRoleWith([scope])];
    groups.set(title, [...(groups.get(title) ?? []), scope]);
  }
  return [...groups].map(([title, list]) => ({ title, scopes: list }));
}
