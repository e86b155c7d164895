/** Building blocks for spotting names in text: a capitalised name word, particles, and words that are never names. */

/** `Ada`, `O'Brien`, `McDonald`, `Jean-Luc`, `Weißmann`, `Łukasz`. */
export const NAME_WORD = String.raw`(?:\p{Lu}['’]\p{Lu}\p{Ll}+|\p{Lu}[\p{Ll}\p{M}]+(?:\p{Lu}[\p{Ll}\p{M}]+)?(?:[\-'’]\p{Lu}?[\p{Ll}\p{M}]+)*)`;
/** Lower-case parts of surnames: de Vries, van der Berg, von Trapp, da Silva, del Río, bin Salman. */
export const PARTICLE = String.raw`(?:de|da|das|do|dos|del|della|di|du|des|la|le|van|von|der|den|ten|ter|zu|y|bin|ibn|al|el)`;
/** An initial as a middle name: `Grace B. Hopper`. */
const INITIAL = String.raw`\p{Lu}\.`;

/** One to four name words on one line (particles and middle initials allowed between them). */
export const NAME = String.raw`${NAME_WORD}(?:[ \t]+(?:${PARTICLE}[ \t]+){0,2}(?:${NAME_WORD}|${INITIAL}(?=[ \t]+\p{Lu}))){0,3}`;

const STOP = `
a an and are as at by for from in is it of on or the to with this that these those our your my his her their we you he she they
i hi hello hey dear thanks thank regards best kind cheers sincerely please note re fwd fw subject date sent cc bcc attn
team support customer customers client clients service services sales billing account accounts finance admin manager management
department dept office company inc ltd llc gmbh ag sa sas sarl spa srl bv nv plc corp corporation co group holdings partners
solutions systems technologies tech labs bank university college school hospital clinic street st road rd avenue ave drive
lane park square station airport line project platform migration data cloud api order invoice ticket payment payments card
monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october
november december mon tue wed thu fri sat sun jan feb mar apr jun jul aug sep sept oct nov dec north south east west new old
great general central international global national united states kingdom europe america
hallo bonjour merci gracias grazie danke sehr geehrte geehrter liebe lieber gentile estimado estimada cher chère beste geachte
herr frau mr mrs ms miss dr prof sir madam mme mlle sr sra
kundenservice kunde cliente klant nom nombre nome naam name contact phone email mobile tel fax address iban bic swift
ok yes no not all any new urgent important thanks
`;

export const STOP_WORDS: ReadonlySet<string> = new Set(STOP.split(/\s+/).filter(Boolean));

/** Words that end an organisation's name: a capture holding one is not a person. */
export const COMPANY_WORDS: ReadonlySet<string> = new Set(
  "inc ltd llc gmbh ag sa sas sarl spa srl bv nv plc corp corporation co company group holdings partners solutions systems technologies tech labs bank university college school hospital clinic traders trading industries international services consulting foundation association".split(
    " ",
  ),
);

export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word.toLowerCase().replace(/\.$/, ""));
}
