import "server-only";
import { z } from "zod";
import type { TenantContext, TenantScope } from "@/lib/auth/context";

export const DclSettingsInput = z.object({
  /** Proposals at or above this confidence are approved without a human; 1 sends everything to review. */
  autoApproveThreshold: z.number().min(0.5).max(1),
});
export type DclSettingsInput = z.infer<typeof DclSettingsInput>;

export const DEFAULT_AUTO_APPROVE = 0.9;

export async function getDclSettings(scope: TenantScope) {
  const row = await scope.db.dclSettings.findUnique({ where: { tenantId: scope.tenantId }, select: { autoApproveThreshold: true } });
  return { autoApproveThreshold: row?.autoApproveThreshold ?? DEFAULT_AUTO_APPROVE };
}

export async function updateDclSettings({ ctx, input }: { ctx: TenantContext; input: DclSettingsInput }) {
  await ctx.db.dclSettings.upsert({
    where: { tenantId: ctx.tenantId },
    create: { tenantId: ctx.tenantId, autoApproveThreshold: input.autoApproveThreshold },
    update: { autoApproveThreshold: input.autoApproveThreshold },
  });
  return getDclSettings(ctx);
}
