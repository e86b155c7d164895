import "server-only";
import { z } from "zod";
import type { TenantContext, TenantScope } from "@/lib/auth/context";
import { ValidationError } from "@/lib/errors";
import { DEFAULT_AUTO_APPROVE } from "@/lib/dcl/matcher/types";
import { DEFAULT_THRESHOLDS } from "@/lib/dcl/repair/suggest";

export const DclSettingsInput = z
  .object({
    /** Proposals at or above this confidence are approved without a human; 1 sends everything to review. */
    autoApproveThreshold: z.number().min(0.5).max(1).optional(),
    /** Repairs at or above this confidence are applied by the agent; above 1 sends every repair to review. */
    repairAutoThreshold: z.number().min(0.5).max(1.01).optional(),
    /** Repairs at or above this (below the auto threshold) wait for a person; below it they are only reported. */
    repairReviewThreshold: z.number().min(0).max(1).optional(),
  })
  .refine((input) => Object.values(input).some((v) => v !== undefined), "name at least one setting");
export type DclSettingsInput = z.infer<typeof DclSettingsInput>;

/** The tenant's DCL policy: the thresholds in force (the calibrated defaults where none was set). */
export const DclSettings = z
  .object({
    autoApproveThreshold: z
      .number()
      .meta({ description: "Mapping proposals at or above this confidence are approved without a person", examples: [0.9] }),
    repair: z.object({
      auto: z.number().meta({ description: "Repairs at or above this confidence are applied by the agent", examples: [0.7] }),
      review: z.number().meta({
        description: "Repairs at or above this (below `auto`) wait for a person; below it they are only reported",
        examples: [0.5],
      }),
    }),
  })
  .meta({ id: "DclSettings" });
export type DclSettings = z.infer<typeof DclSettings>;

export async function getDclSettings(scope: TenantScope): Promise<DclSettings> {
  const row = await scope.db.dclSettings.findUnique({
    where: { tenantId: scope.tenantId },
    select: { autoApproveThreshold: true, repairAutoThreshold: true, repairReviewThreshold: true },
  });
  return {
    autoApproveThreshold: row?.autoApproveThreshold ?? DEFAULT_AUTO_APPROVE,
    repair: { auto: row?.repairAutoThreshold ?? DEFAULT_THRESHOLDS.auto, review: row?.repairReviewThreshold ?? DEFAULT_THRESHOLDS.review },
  };
}

export async function updateDclSettings({ ctx, input }: { ctx: TenantContext; input: DclSettingsInput }): Promise<DclSettings> {
  const current = await getDclSettings(ctx);
  const repair = { auto: input.repairAutoThreshold ?? current.repair.auto, review: input.repairReviewThreshold ?? current.repair.review };
  if (repair.review >= repair.auto) {
    throw new ValidationError("the repair review threshold must be below the auto-apply threshold", [
      { path: "repairReviewThreshold", message: `must be below ${repair.auto}` },
    ]);
  }
  // Only what was given is stored: a threshold never set follows the calibrated default as it moves.
  const values = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined)) as DclSettingsInput;
  await ctx.db.dclSettings.upsert({ where: { tenantId: ctx.tenantId }, create: { tenantId: ctx.tenantId, ...values }, update: values });
  return getDclSettings(ctx);
}
