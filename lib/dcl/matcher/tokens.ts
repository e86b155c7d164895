import words from "./words.json";

/**
 * Field and table names as the matcher compares them: split on case and separators, accents folded,
 * lower-cased, abbreviations and ERP field names expanded, words of other languages read in English
 * (the knowledge is data: words.json), run-together and compound words split, plurals singularized.
 * `Account Name`, `accountName`, `ACCT_NM` and `account-names` all become ["account", "name"];
 * `Fälligkeitsdatum` and `faelligkeitsdatum` become ["due", "date"], `date_echeance` ["date", "due"].
 */
type Reading = { english: string; language: string | null };

const fold = (s: string) =>
  s.replace(/ß/g, "ss").replace(/[\u00C0-\u024F\u1E00-\u1EFF]/g, (c) => c.normalize("NFD").replace(/\p{M}/gu, ""));
/** German umlauts written out: `faellig` reads as `fällig`. */
const loose = (s: string) => s.replace(/ae/g, "a").replace(/oe/g, "o").replace(/ue/g, "u");

const READINGS = new Map<string, Reading>();
/** Only words spelt with an umlaut are looked up with it written out, so `does` never reads as `dos`. */
const UMLAUT_READINGS = new Map<string, Reading>();
const AMBIGUOUS = new Map<string, Map<string, string>>();
for (const [language, table] of Object.entries(words.translations)) {
  for (const [word, english] of Object.entries(table as Record<string, string>)) {
    const key = fold(word);
    if (!READINGS.has(key)) READINGS.set(key, { english, language });
    if (/[äöü]/.test(word) && !UMLAUT_READINGS.has(key)) UMLAUT_READINGS.set(key, { english, language });
  }
}
for (const [word, english] of Object.entries(words.abbreviations as Record<string, string>))
  READINGS.set(fold(word), { english, language: null });
for (const [language, table] of Object.entries(words.ambiguous)) {
  for (const [word, english] of Object.entries(table as Record<string, string>)) {
    const byLanguage = AMBIGUOUS.get(fold(word)) ?? new Map<string, string>();
    byLanguage.set(language, english);
    AMBIGUOUS.set(fold(word), byLanguage);
  }
}
const ENGLISH = new Set(words.english);
const LINKS = words.compoundLinks;
const OTHER_RECORDS = new Set(words.otherRecords);
/** Parts shorter than four letters a compound may hold: `invoiceno`, `klantnr`, `accountid`, `salesrep`, `numberofemployees`. */
const SHORT_PARTS = new Set(["id", "no", "nr", "of", "on", "by", ...words.english.filter((w) => w.length === 3)]);

/** Words that carry nothing in a name: Sage Intacct's `whencreated` is `created`, Infor LN's `t_nama` is `nama`. */
const STOP = new Set(["the", "of", "a", "an", "in", "is", "c", "t", "when", ""]);

/** Splits a raw name into lower-case words: camelCase, snake_case, dotted paths, slashes, spaces, digits; accents folded. */
export function splitWords(name: string): string[] {
  return fold(name.normalize("NFKC"))
    .replace(/%/g, " percent ")
    .replace(/#|\bn[°º]/gi, " number ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}

function singular(word: string): string {
  if (word.length <= 3 || word.endsWith("ss") || word.endsWith("us") || word.endsWith("is")) return word;
  if (word.endsWith("ies")) return `${word.slice(0, -3)}y`;
  if (word.endsWith("ses") || word.endsWith("xes")) return word.slice(0, -2);
  if (word.endsWith("s")) return word.slice(0, -1);
  return word;
}

function lookUp(word: string): Reading | null {
  return READINGS.get(word) ?? UMLAUT_READINGS.get(loose(word)) ?? READINGS.get(singular(word)) ?? null;
}

/** Three-letter ERP abbreviations a short run-together name may be made of: Factusol's `FECFAC` is fecha + factura. */
const ABBREVIATIONS = new Set(
  Object.keys(words.abbreviations).filter((w) => w.length === 3 && (words.abbreviations as Record<string, string>)[w]),
);

/** A word a compound can be made of: English, or a word read as other words (a stop word is not one). */
function isPart(part: string, short: boolean): boolean {
  if (part.length < 4) return SHORT_PARTS.has(part) || (short && ABBREVIATIONS.has(part));
  return ENGLISH.has(part) || Boolean(lookUp(part)?.english);
}

/** A run-together or compound word as known words (`numberofemployees`, `Rechnung-s-datum`), fewest parts first; null when it is not one. */
function splitCompound(word: string): string[] | null {
  if (word.length < 6 || !/^\p{L}+$/u.test(word)) return null;
  // best[i]: the cheapest split of word.slice(i), as [cost, parts]. Only a name of two or three abbreviations is read as them.
  const short = word.length <= 9;
  const best: ([number, string[]] | null)[] = Array(word.length + 1).fill(null);
  best[word.length] = [0, []];
  for (let i = word.length - 1; i >= 0; i -= 1) {
    for (let j = i + 2; j <= word.length; j += 1) {
      const part = word.slice(i, j);
      if (!isPart(part, short)) continue;
      const options: [number, number][] = [
        [j, 0],
        ...LINKS.filter((l) => word.startsWith(l, j) && j + l.length < word.length).map((l): [number, number] => [j + l.length, 1]),
      ];
      for (const [next, linkCost] of options) {
        const rest = best[next];
        if (!rest) continue;
        const cost = 10 + linkCost + rest[0];
        if (!best[i] || cost < best[i]![0]) best[i] = [cost, [part, ...rest[1]]];
      }
    }
  }
  const split = best[0];
  return split && split[1].length > 1 ? split[1] : null;
}

type Word = { tokens: string[]; language: string | null; raw: string };

/** One word of a name: expanded, translated, or split; `language` when it was read as another language's. */
function readWord(word: string): Word {
  if (ENGLISH.has(word)) return { tokens: [word], language: null, raw: word };
  const found = lookUp(word);
  if (found) return { tokens: found.english.split(" "), language: found.language, raw: word };
  // `address1`, `telephone2`: the word and its number; a primary `1` says nothing.
  const numbered = /^(\p{L}+?)(\d+)$/u.exec(word);
  if (numbered && (ENGLISH.has(numbered[1]!) || lookUp(numbered[1]!))) {
    const base = readWord(numbered[1]!);
    return { ...base, tokens: Number(numbered[2]) === 1 ? base.tokens : [...base.tokens, numbered[2]!], raw: word };
  }
  const parts = splitCompound(word) ?? (/ae|oe|ue/.test(word) ? splitCompound(loose(word)) : null);
  if (parts) {
    const read = parts.map(readWord);
    return { tokens: read.flatMap((r) => r.tokens), language: read.find((r) => r.language)?.language ?? null, raw: word };
  }
  return { tokens: [word], language: null, raw: word };
}

/** The words of a name after expanding abbreviations, translating and singularizing, stop words removed. */
export function tokenize(name: string): string[] {
  const words = splitWords(name);
  // A table prefix on every column (TOTVS Protheus `A1_NOME`, `E1_VENCTO`) says nothing about the column.
  if (words.length > 1 && /^[a-z]\d$/.test(words[0]!)) words.shift();
  const read = words.map(readWord);
  const languages = new Set(read.map((r) => r.language).filter((l): l is string => l !== null));
  return read
    .flatMap((r) => {
      // `data` is Portuguese or Italian for date only beside another word of that language.
      const ambiguous = r.tokens.length === 1 && r.tokens[0] === r.raw ? AMBIGUOUS.get(r.raw) : undefined;
      const english = ambiguous && [...ambiguous].find(([language]) => languages.has(language))?.[1];
      return english ? english.split(" ") : r.tokens;
    })
    .map(singular)
    .filter((w) => !STOP.has(w));
}

/** A name made only of words for records that are none of the entities: Mollie's `payments`, GoCardless `mandates`, `Bestellungen`. */
export function namesOtherRecord(name: string): boolean {
  const words = tokenize(name);
  return words.length > 0 && words.every((w) => OTHER_RECORDS.has(w));
}

/** A word the matcher can read: English, an abbreviation, or another language's. */
export function isKnownWord(word: string): boolean {
  const folded = fold(word.toLowerCase());
  return ENGLISH.has(folded) || SHORT_PARTS.has(folded) || lookUp(folded) !== null;
}

/** The name with every separator removed, for `AnnualRevenue` = `annual_revenue` = `annualrevenue` (and `Kürzel` = `kuerzel`). */
export function compact(tokens: string[]): string {
  return loose(tokens.join(""));
}
