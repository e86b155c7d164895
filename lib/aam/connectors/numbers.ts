/**
 * A decimal text (`12.50`, `-3E+2`, `9007199254740993`) as a number when that number prints back
 * as the same decimal value, else the text itself: nothing a source stored exactly is lost.
 * NaN and infinities stay text, since JSON has no numbers for them.
 */
export function exactNumber(text: string): number | string {
  const number = Number(text);
  return Number.isFinite(number) && canonicalDecimal(String(number)) === canonicalDecimal(text) ? number : text;
}

/** `1.10`, `1.1` and `11E-1` all become `11e-1`; null for text that is not a decimal. */
function canonicalDecimal(text: string): string | null {
  const match = /^([+-]?)(?=\.?\d)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text);
  if (!match) return null;
  const [, sign, whole, fraction = "", exponent = "0"] = match;
  const digits = (whole + fraction).replace(/^0+/, "");
  const significant = digits.replace(/0+$/, "");
  if (significant === "") return "0";
  const power = Number(exponent) - fraction.length + (digits.length - significant.length);
  return `${sign === "-" ? "-" : ""}${significant}e${power}`;
}
