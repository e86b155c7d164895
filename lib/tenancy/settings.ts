import "server-only";
import { z } from "zod";
import type { TenantContext } from "@/lib/auth/context";
import { SlackWebhookUrl } from "@/lib/notify/slack";
import { sealSlackWebhook } from "@/lib/notify/slack-webhook";

export const TenantSettingsInput = z.object({ slackWebhookUrl: SlackWebhookUrl.nullable() });
export type TenantSettingsInput = z.infer<typeof TenantSettingsInput>;

/** The webhook URL is a secret: reads only say whether one is set. */
export async function getTenantSettings({ ctx }: { ctx: TenantContext }) {
  const tenant = await ctx.db.tenant.findUniqueOrThrow({ where: { id: ctx.tenantId }, select: { slackWebhookUrl: true } });
  return { slackConfigured: Boolean(tenant.slackWebhookUrl) };
}

/** The webhook URL is stored sealed (lib/notify/slack-webhook.ts). */
export async function updateTenantSettings({ ctx, input }: { ctx: TenantContext; input: TenantSettingsInput }) {
  await ctx.db.tenant.update({
    where: { id: ctx.tenantId },
    data: { slackWebhookUrl: await sealSlackWebhook(ctx.tenantId, input.slackWebhookUrl) },
  });
  return getTenantSettings({ ctx });
}
