import { VerifyEmailForm } from "@/components/auth/verify-email-form";

export const metadata = { title: "Confirm your email" };

/** Opening the link changes nothing by itself (mail scanners open links); the button confirms. */
export default async function VerifyPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  return <VerifyEmailForm token={typeof token === "string" ? token : ""} />;
}
