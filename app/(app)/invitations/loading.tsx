import { SURFACE } from "@/components/ui/tone";

/** Shown while the caller's invitations load: the page's outline, nothing that looks like data. */
export default function InvitationsLoading() {
  return (
    <div className="space-y-6" aria-busy="true">
      <header>
        <h1 className="text-2xl font-bold">Invitations</h1>
        <p role="status" className="text-slate-600 dark:text-slate-300">Reading your invitations…</p>
      </header>
      <div className={`${SURFACE} h-32 animate-pulse motion-reduce:animate-none`} aria-hidden />
    </div>
  );
}
