import "server-only";
import type { TenantContext } from "@/lib/auth/context";
import { log } from "@/lib/log";
import { fillDays, utcDay, windowStart, type DayPoint } from "./days";
import { recordVersions } from "@/lib/aam/segments/record-versions";

export type IngestKpi = {
  /** Records held now: each source record once, in its latest version; null when the segments could not be read. */
  currentRecords: number | null;
  /** Every version stored: a changed record stored again is one more version. */
  storedVersions: number;
  /** Rows stored per UTC day: records seen for the first time, and new versions of records seen before. */
  daily: DayPoint<"new" | "updated">[];
  /** Records set aside over the window (unreadable, too large, no usable id). */
  quarantined: number;
  lastStoredAt: Date | null;
};

/**
 * What the syncs stored: rows per day from the record segments (a sync stores only new and changed
 * records, never an unchanged one again), split into new records and new versions, and the records
 * held now, counted once each whatever their number of versions.
 */
export async function ingestKpi(ctx: TenantContext, now: Date, days: number): Promise<IngestKpi> {
  const since = windowStart(now, days);
  const [segments, quarantined] = await Promise.all([
    ctx.db.recordSegment.findMany({
      where: { tenantId: ctx.tenantId },
      select: { id: true, streamId: true, seq: true, objectKey: true, rowCount: true, createdAt: true },
    }),
    ctx.db.quarantinedRecord.count({ where: { tenantId: ctx.tenantId, observedAt: { gte: since } } }),
  ]);
  // Counting needs the segment files; without them the day's rows still show, all as stored rows.
  const versions = await recordVersions(ctx, segments).catch((error) => {
    log.warn("record versions not counted", { tenantId: ctx.tenantId, error });
    return null;
  });
  const rows = segments
    .filter((s) => s.createdAt >= since)
    .map((s) => {
      const first = versions ? (versions.firstSeen.get(s.id) ?? 0) : s.rowCount;
      return { day: utcDay(s.createdAt), new: first, updated: s.rowCount - first };
    });
  return {
    currentRecords: versions?.current ?? null,
    storedVersions: segments.reduce((n, s) => n + s.rowCount, 0),
    daily: fillDays(rows, ["new", "updated"] as const, now, days),
    quarantined,
    lastStoredAt: segments.reduce<Date | null>((latest, s) => (latest && latest >= s.createdAt ? latest : s.createdAt), null),
  };
}
