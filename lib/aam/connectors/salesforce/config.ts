import { z } from "zod";
import { isAllowListed } from "@/lib/net/policy";
import { SALESFORCE_NAME } from "./soql";

/** Salesforce's own login and My Domain hosts (sandboxes are `*.sandbox.my.salesforce.com`). */
const SALESFORCE_HOSTS = new Set(["login.salesforce.com", "test.salesforce.com"]);
const SALESFORCE_SUFFIX = ".my.salesforce.com";

/**
 * Where credentials and access tokens may be sent: https to Salesforce's own hosts on the default
 * port, or any host AOS_OUTBOUND_ALLOW names (an operator's proxy or test server; http allowed there).
 * The login URL and the instance URL Salesforce answers are both held to this.
 */
export function isSalesforceUrlAllowed(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const { protocol, hostname, port } = new URL(url);
  if (protocol !== "https:" && protocol !== "http:") return false;
  if (isAllowListed(hostname)) return true;
  const host = hostname.toLowerCase();
  return (
    protocol === "https:" &&
    port === "" &&
    (SALESFORCE_HOSTS.has(host) || (host.endsWith(SALESFORCE_SUFFIX) && host.length > SALESFORCE_SUFFIX.length))
  );
}

/** Settings of a Salesforce source: a connected app's credentials and the sObjects to read. */
export const SalesforceConfig = z.object({
  /** `https://login.salesforce.com`, `https://test.salesforce.com` for sandboxes, or a My Domain login URL. */
  loginUrl: z
    .url({ protocol: /^https?$/ })
    .refine(
      isSalesforceUrlAllowed,
      "The login URL must be https://login.salesforce.com, https://test.salesforce.com or https://<domain>.my.salesforce.com",
    )
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
