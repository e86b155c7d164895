/** Says that a safe-mode connection is only sampled: what it reads is proposed, never applied, until promoted. */
export function SafeModeNotice({ sampleRowLimit, canWrite }: { sampleRowLimit: number | null; canWrite: boolean }) {
  return (
    <div
      role="status"
      className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-300"
      data-testid="safe-mode-notice"
    >
      <p className="font-semibold">Safe mode: sampled, nothing applied</p>
      <p className="mt-1">
        Each sync reads at most {(sampleRowLimit ?? 0).toLocaleString("en-US")} rows per stream, read-only. Mappings and repairs are
        proposed but not applied, and no unified view includes this connection{canWrite ? " until you promote it" : " until it is promoted"}
        .
      </p>
    </div>
  );
}
