import "server-only";
import type { TenantScope } from "@/lib/auth/context";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { DecisionAction, InboxKind } from "./schemas";

export type { DecisionAction, InboxKind } from "./schemas";

export type DecisionRecord = {
  kind: InboxKind;
  itemId: string;
  action: DecisionAction;
  connectionId: string;
  stream: string;
  field: string | null;
  fromField?: string | null;
  /** The target decided on: put in force, or rejected. */
  target: string | null;
  before: Prisma.InputJsonValue;
  after: Prisma.InputJsonValue;
  evidence: Prisma.InputJsonValue;
  reason?: string | null;
  /** Null for the repair agent. */
  actorId: string | null;
};

type Db = Pick<TenantScope["db"], "reviewDecision">;

/** Appends one decision to the tenant's audit (row-level security lets the app add, never change). */
export async function recordDecision(scope: { tenantId: string; db: Db }, decision: DecisionRecord): Promise<void> {
  await scope.db.reviewDecision.create({
    data: { tenantId: scope.tenantId, ...decision, fromField: decision.fromField ?? null, reason: decision.reason ?? null },
  });
}
