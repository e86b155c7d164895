/** One object of the store, as listed. */
export type StoredObject = { key: string; bytes: number; modifiedAt: Date };

/**
 * Where the data plane's files live: Parquet segments of records, view builds and uploads. Every
 * object is immutable once written (a new version is a new key), so any process on any machine
 * may cache what it reads by key and never revalidate it.
 */
export interface Store {
  /** A path on local disk where a new object may be written before `put` (same disk as the cache). */
  scratchFile(suffix: string): Promise<string>;
  /** Moves a finished local file into the store at `key`; returns its size. The local file is gone afterwards. */
  put(key: string, file: string): Promise<number>;
  /** A local path to read the object from: the file itself, or a cached copy. */
  localPath(key: string): Promise<string>;
  /** Objects whose key starts with `prefix`. */
  list(prefix: string): Promise<StoredObject[]>;
  /** Deletes the objects (missing ones are ignored). */
  delete(keys: string[]): Promise<void>;
}
