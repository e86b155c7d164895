/** Names of the kinds, as the page says them. */
export const KIND_LABELS = { repair: "Repair", mapping: "Mapping", schema: "Schema change" } as const;
