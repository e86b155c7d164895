import { z } from "zod";
import { SALESFORCE_NAME } from "./soql";

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** Whether secrets may be sent to `url`: https, or plain http to this machine only (local test servers). */
export function isSecretSafeUrl(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const { protocol, hostname } = new URL(url);
  return protocol === "https:" || (protocol === "http:" && LOOPBACK_HOSTS.has(hostname));
}

/** Settings of a Salesforce source: a connected app's credentials and the sObjects to read. */
export const SalesforceConfig = z.object({
  /** `https://login.salesforce.com`, `https://test.salesforce.com` for sandboxes, or a My Domain login URL. */
  loginUrl: z
    .url({ protocol: /^https?$/ })
    .refine(isSecretSafeUrl, "The login URL must start with https://")
    .default("https://login.salesforce.com"),
  clientId: z.string().min(1),
  clientSecret: z.string().min(1),
  refreshToken: z.string().min(1),
  apiVersion: z
    .string()
    .regex(/^\d{2,3}\.\d$/, "An API version looks like 62.0")
    .default("62.0"),
  objects: z
    .array(z.string().regex(SALESFORCE_NAME, "An sObject API name starts with a letter and holds letters, digits and _"))
    .min(1)
    .refine((names) => new Set(names).size === names.length, "Each object is listed once")
    .default(["Account", "Contact", "Opportunity"]),
});
export type SalesforceConfig = z.infer<typeof SalesforceConfig>;
