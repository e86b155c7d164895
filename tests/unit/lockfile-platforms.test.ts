import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

/**
 * `npm install` from the lockfile installs only the native binaries the lockfile names. A lockfile
 * regenerated on one machine with optional dependencies omitted would break the others, so each
 * native package must resolve its binary for every platform people develop and deploy on.
 */
type LockEntry = {
  version?: string;
  integrity?: string;
  os?: string[];
  cpu?: string[];
  libc?: string[];
  optionalDependencies?: Record<string, string>;
};
const lock = JSON.parse(readFileSync(path.join(import.meta.dirname, "../../package-lock.json"), "utf8")) as {
  packages: Record<string, LockEntry>;
};

/** [package, prefix of its optional per-platform binaries] */
const natives = [
  ["@duckdb/node-bindings", "@duckdb/node-bindings-"],
  ["next", "@next/swc-"],
  ["@tailwindcss/oxide", "@tailwindcss/oxide-"],
  ["lightningcss", "lightningcss-"],
];
const platforms = [
  { os: "darwin", cpu: "arm64" },
  { os: "darwin", cpu: "x64" },
  { os: "linux", cpu: "arm64" },
  { os: "linux", cpu: "x64" },
  { os: "win32", cpu: "x64" },
];

/** The entry Node would load for `name` required from the package at `from` (nearest node_modules up). */
function resolveFrom(from: string, name: string): LockEntry | undefined {
  for (let dir = from; ; ) {
    const entry = lock.packages[`${dir}/node_modules/${name}`];
    if (entry) return entry;
    const up = dir.lastIndexOf("/node_modules/");
    if (up < 0) return lock.packages[`node_modules/${name}`];
    dir = dir.slice(0, up);
  }
}

describe("package-lock.json", () => {
  it.each(natives)("resolves %s's native binaries for macOS, Linux (glibc) and Windows", (parent, binaries) => {
    const parents = Object.keys(lock.packages).filter((key) => key.endsWith(`node_modules/${parent}`));
    expect(parents).not.toEqual([]);
    for (const from of parents) {
      const resolved = Object.entries(lock.packages[from].optionalDependencies ?? {})
        .filter(([name]) => name.startsWith(binaries))
        .map(([name, version]) => ({ name, version, entry: resolveFrom(from, name) }))
        .filter(({ version, entry }) => entry?.version === version && entry.integrity);
      const covered = platforms.map(({ os, cpu }) => {
        const hit = resolved.find(
          ({ entry }) => entry?.os?.includes(os) && entry.cpu?.includes(cpu) && (!entry.libc || entry.libc.includes("glibc")),
        );
        return `${os}-${cpu}: ${hit?.name ?? "missing"}`;
      });
      expect(
        covered.filter((line) => line.endsWith(": missing")),
        `${from}\n${covered.join("\n")}`,
      ).toEqual([]);
    }
  });
});
