/**
 * Keyset pagination by id: ask for `limit + 1` rows after the cursor, return `limit` and the next
 * cursor when there are more. Use with an order that ends in `id`.
 */
export function pageArgs(query: { limit: number; cursor?: string }) {
  return { take: query.limit + 1, ...(query.cursor ? { cursor: { id: query.cursor }, skip: 1 } : {}) };
}

export function toPage<T extends { id: string }>(rows: T[], limit: number): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? items.at(-1)!.id : null };
}
