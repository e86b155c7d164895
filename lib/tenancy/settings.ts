import "server-only";
import { z } from "zod";
import type { TenantContext } from "@/lib/auth/context";
import { SlackWebhookUrl } from "@/lib/notify/slack";
import { sealSlackWebhook } from "@/lib/notify/slack-webhook";

export const TenantSettingsInput = z.object({
  slackWebhookUrl: SlackWebhookUrl.nullable().meta({ description: "Where failed tasks and schema changes are announced; null removes it" }),
});
export type TenantSettingsInput = z.infer<typeof TenantSettingsInput>;

/** The webhook URL is a secret: reads only say whether one is set. */
export const TenantSettings = z
  .object({ slackConfigured: z.boolean().meta({ description: "Whether a Slack incoming webhook is set" }) })
  .meta({ id: "TenantSettings" });
export type TenantSettings = z.infer<typeof TenantSettings>;

export async function getTenantSettings({ ctx }: { ctx: TenantContext }): Promise<TenantSettings> {
  const tenant = await ctx.db.tenant.findUniqueOrThrow({ where: { id: ctx.tenantId }, select: { slackWebhookUrl: true } });
  return { slackConfigured: Boolean(tenant.slackWebhookUrl) };
}

/** The webhook URL is stored sealed (lib/notify/slack-webhook.ts). */
export async function updateTenantSettings({ ctx, input }: { ctx: TenantContext; input: TenantSettingsInput }): Promise<TenantSettings> {
  await ctx.db.tenant.update({
    where: { id: ctx.tenantId },
    data: { slackWebhookUrl: await sealSlackWebhook(ctx.tenantId, input.slackWebhookUrl) },
  });
  return getTenantSettings({ ctx });
}
