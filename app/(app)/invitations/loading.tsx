import { RouteLoading } from "@/components/ui/route-loading";

/** Shown while the caller's invitations load: the page's outline, nothing that looks like data. */
export default function InvitationsLoading() {
  return <RouteLoading title="Invitations" what="Reading your invitations…" blocks={["h-32"]} />;
}
