/** The bounds of a key, shared by the schema and the web form (no zod here: the form ships to browsers). */
const DAY_MS = 24 * 3600 * 1000;
/** A key lives 90 days unless its creator picks another expiry, at most a year. */
export const DEFAULT_TTL_DAYS = 90;
export const MAX_TTL_DAYS = 365;
export const MAX_TTL_MS = MAX_TTL_DAYS * DAY_MS;
/** The expiries the web page offers, in days. */
export const TTL_CHOICES_DAYS = [7, 30, 90, 180, 365] as const;
export const MAX_NAME_LENGTH = 100;

/** When a key created now expires, given the days chosen. */
export const expiryAfterDays = (days: number, now = Date.now()) => new Date(now + days * DAY_MS);
