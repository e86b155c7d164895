import type { Detection } from "../types";
import { FIRST_NAMES } from "./first-names";
import { COMPANY_WORDS, isStopWord, NAME, NAME_WORD, PARTICLE } from "./name-words";

const NAME_SEQUENCE = new RegExp(`(?<![\\p{L}\\p{N}_@.])${NAME}(?![\\p{L}\\p{N}_@])`, "gu");

const HONORIFIC_BEFORE =
  /(?<![\p{L}\p{N}])(?:(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Sir|Dame|Lady|Lord|Herr|Frau|Mme|Mlle|Mevr|Dhr|Sr|Sra|Srta|Dott|Dott\.ssa|Sig|Sig\.ra|Ing|Avv|Pan|Pani)\.?|M\.|Fr\.|Hr\.)[ \t]+$/u;
const LABEL_BEFORE =
  /(?<![\p{L}\p{N}])(?:name|full name|first and last name|applicant|candidate|guest|passenger|member|insured|policyholder|manager|supervisor|contact|contact name|contact person|customer|customer name|client|client name|patient|patient name|employee|employee name|requester|requested by|reported by|reporter|assignee|assigned to|owner|account owner|sales rep|signed by|attn|attention|from|to|cc|bcc|reply-to|sender|recipient|beneficiary|account holder|cardholder|card holder|nom|prénom et nom|nom complet|titulaire|destinataire|expéditeur|nombre|nombre completo|titular|destinatario|remitente|nome|nome e cognome|intestatario|kunde|ansprechpartner|kontakt|kontaktperson|empfänger|absender|kontoinhaber|naam|contactpersoon|klant|rekeninghouder)[ \t]*:[ \t]*["']?$/iu;
const SALUTATION_BEFORE =
  /(?<![\p{L}\p{N}])(?:dear|hi|hello|hey|gentile|gentili|caro|cara|estimado|estimada|querido|querida|hola|cher|chère|bonjour|liebe|lieber|hallo|beste|geachte|witam|szanowny|szanowna)[ \t]+$/iu;
const SIGNOFF_BEFORE =
  /(?<![\p{L}\p{N}])(?:regards|best regards|kind regards|warm regards|best wishes|best|thanks|thank you|many thanks|cheers|sincerely|yours sincerely|yours truly|cordialement|bien cordialement|bien à vous|saludos|un saludo|saludos cordiales|atentamente|cordiali saluti|distinti saluti|saluti|mit freundlichen grüßen|mit freundlichen grüssen|viele grüße|beste grüße|freundliche grüße|gruß|grüße|met vriendelijke groet|vriendelijke groeten|groeten|pozdrawiam)[,.!]?[ \t]*(?:\r?\n[ \t]*|[ \t])$/iu;
const STRONG_INTRO_BEFORE =
  /(?<![\p{L}\p{N}])(?:my name is|my name's|je m'appelle|je m’appelle|me llamo|mi nombre es|mi chiamo|ich heiße|ich heisse|mijn naam is|nazywam się)[ \t]+$/iu;
const WEAK_INTRO_BEFORE = /(?<![\p{L}\p{N}])(?:i am|i'm|i’m|this is|soy|sono|ich bin|je suis|ik ben|it's|it’s)[ \t]+$/iu;
/** `Ada Lovelace <ada@example.com>`, `"Ada Lovelace" <ada@...>`, `Ada Lovelace (ada@example.com, ...)`. */
const EMAIL_AFTER = /^["']?[ \t]*[<(][^\s<>()@]+@[^\s<>()]+[>),]/;

type Word = { text: string; start: number; end: number };

function wordsAt(text: string, start: number, end: number): Word[] {
  return [...text.slice(start, end).matchAll(/[^\s,]+/g)].map((m) => ({
    text: m[0],
    start: start + m.index,
    end: start + m.index + m[0].length,
  }));
}

const IS_PARTICLE = new RegExp(`^${PARTICLE}$`);

/** Drops stop words at both ends ("Customer Maria Gonzalez" → "Maria Gonzalez"), and a trailing particle or initial. */
function trimStopWords(words: Word[]): Word[] {
  let first = 0;
  let last = words.length;
  while (first < last && isStopWord(words[first].text)) first++;
  while (last > first && (isStopWord(words[last - 1].text) || IS_PARTICLE.test(words[last - 1].text) || words[last - 1].text.endsWith(".")))
    last--;
  return words.slice(first, last);
}

export function personKey(words: readonly string[]): string {
  return words.join(" ").toLowerCase();
}

/** How a capitalised sequence qualifies as a person: the words before it, an address after it, or a known first name. */
function accept(text: string, words: Word[]): Word[] | undefined {
  const start = words[0].start;
  const before = text.slice(Math.max(0, start - 40), start);
  const knownFirst = FIRST_NAMES.has(words[0].text.toLowerCase());
  const enough = words.length >= 2 || knownFirst;
  if (HONORIFIC_BEFORE.test(before) || STRONG_INTRO_BEFORE.test(before)) return words;
  const after = text.slice(words[words.length - 1].end);
  if (enough && (LABEL_BEFORE.test(before) || SALUTATION_BEFORE.test(before) || SIGNOFF_BEFORE.test(before) || EMAIL_AFTER.test(after)))
    return words;
  if (knownFirst && WEAK_INTRO_BEFORE.test(before)) return words;
  const at = words.findIndex((w) => FIRST_NAMES.has(w.text.toLowerCase()));
  return at >= 0 && words.length - at >= 2 ? words.slice(at) : undefined;
}

/**
 * Names found by pattern: after an honorific (Mr, Dr, Frau, Mme, Sig.ra ...), a label ("Name:",
 * "From:", "Kontakt:", "Nom :"), a salutation ("Dear", "Gentile"), a sign-off ("Regards," then
 * the name), a self-introduction ("my name is"), before an address (`Ada Lovelace <ada@...>`), or
 * starting with a common first name ("Maria Gonzalez"). Never inside an email address; a
 * sequence holding an organisation word (Ltd, GmbH, Bank ...) is not a person.
 */
export function detectPersonPatterns(text: string): Detection[] {
  const found: Detection[] = [];
  for (const m of text.matchAll(NAME_SEQUENCE)) {
    const all = wordsAt(text, m.index, m.index + m[0].length);
    if (all.some((w) => COMPANY_WORDS.has(w.text.toLowerCase()))) continue;
    const trimmed = trimStopWords(all);
    const person = trimmed.length > 0 ? accept(text, trimmed) : undefined;
    if (!person) continue;
    const key = personKey(person.map((w) => w.text));
    found.push({ start: person[0].start, end: person[person.length - 1].end, type: "person", key, specificity: 1 });
  }
  return found;
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * The caller's known names (a tenant's contacts): the whole name and "Last, First", case
 * insensitive and word-bounded; for three or more words also "First Last" and "Last, First".
 * A one-word entry matches only where the text capitalises it.
 */
export function detectKnownNames(text: string, knownNames: readonly string[]): Detection[] {
  const found: Detection[] = [];
  for (const known of knownNames) {
    const words = known.normalize("NFC").trim().split(/\s+/).filter(Boolean);
    if (words.length === 0 || words.join("").length < 2) continue;
    const key = personKey(words);
    const variants = [words];
    if (words.length >= 2) variants.push([...words.slice(1), ",", words[0]]);
    if (words.length >= 3) variants.push([words[0], words[words.length - 1]], [words[words.length - 1], ",", words[0]]);
    for (const variant of variants) {
      const body = variant
        .map(escapeRegExp)
        .join("\\s+")
        .replace(/\\s\+,\\s\+/g, "\\s*,\\s*");
      const pattern = new RegExp(`(?<![\\p{L}\\p{N}_@.])${body}(?![\\p{L}\\p{N}_@]|\\.[\\p{L}\\p{N}])`, "giu");
      for (const m of text.matchAll(pattern)) {
        if (words.length === 1 && !/^\p{Lu}/u.test(m[0])) continue;
        found.push({ start: m.index, end: m.index + m[0].length, type: "person", key, specificity: 2 });
      }
    }
  }
  return found;
}

/**
 * Later mentions of a person already named in full: "Ada Lovelace called … Ada wants" gives
 * "Ada" (and "Mr Lovelace") the full name's key. A word shared by two people is left alone.
 * Returns the people with linked keys plus the extra mentions.
 */
export function linkPartialNames(text: string, people: readonly Detection[]): Detection[] {
  const owners = new Map<string, Set<string>>();
  for (const p of people) {
    const words = wordsAt(text, p.start, p.end);
    if (words.length < 2) continue;
    for (const { text: w } of words) {
      if (w.length < 3 || isStopWord(w) || IS_PARTICLE.test(w)) continue;
      const key = w.toLowerCase();
      owners.set(key, (owners.get(key) ?? new Set()).add(p.key));
    }
  }
  const ownerOf = (word: string) => {
    const keys = owners.get(word.toLowerCase());
    return keys?.size === 1 ? [...keys][0] : undefined;
  };
  const linked = people.map((p) => (p.key.includes(" ") ? p : { ...p, key: ownerOf(p.key) ?? p.key }));
  if (owners.size === 0) return linked;
  for (const m of text.matchAll(new RegExp(`(?<![\\p{L}\\p{N}_@.])${NAME_WORD}(?![\\p{L}\\p{N}_@])`, "gu"))) {
    const key = ownerOf(m[0]);
    if (key) linked.push({ start: m.index, end: m.index + m[0].length, type: "person", key, specificity: 1 });
  }
  return linked;
}
