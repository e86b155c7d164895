/** Shannon entropy in bits per character. */
export function shannonEntropy(value: string): number {
  const counts = new Map<string, number>();
  for (const ch of value) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  let bits = 0;
  for (const n of counts.values()) {
    const p = n / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

function classOf(ch: string): number {
  if (ch >= "a" && ch <= "z") return 0;
  if (ch >= "A" && ch <= "Z") return 1;
  if (ch >= "0" && ch <= "9") return 2;
  return 3;
}

/**
 * A machine-made random string: lower case, upper case and digits all present, the character
 * class changing at 30% or more of positions (random base62 ≈ 60%, paths ≈ 10-20%), runs of
 * lower-case letters 3 long or less on average (random ≈ 1.7, above 3 in under 1% of 32-character
 * strings; the words of camelCase identifiers are longer), and 4 bits of entropy per character
 * or more. Hex (16 symbols, so at most 4 bits, and never both cases) does not qualify: hashes,
 * git SHAs and UUIDs are identifiers.
 */
export function looksRandom(value: string): boolean {
  if (!/[a-z]/.test(value) || !/[A-Z]/.test(value) || !/\d/.test(value)) return false;
  let switches = 0;
  for (let i = 1; i < value.length; i++) if (classOf(value[i]) !== classOf(value[i - 1])) switches++;
  const lowerRuns = value.match(/[a-z]+/g) ?? [];
  const meanLowerRun = lowerRuns.reduce((n, r) => n + r.length, 0) / lowerRuns.length;
  return switches / (value.length - 1) >= 0.3 && meanLowerRun <= 3 && shannonEntropy(value) >= 4;
}
