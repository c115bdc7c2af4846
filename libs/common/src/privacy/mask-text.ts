/** 17 digits and a check character, not inside a longer run of digits: the shape of a resident ID. */
const RESIDENT_ID_IN_TEXT = /(?<![0-9])([0-9]{6})[0-9]{8}([0-9]{3}[0-9Xx])(?![0-9Xx])/g;

/**
 * Masks every resident-ID-shaped string in free text (first 6 + ******** + last 4), as a last line of
 * defence for error messages and anything else that might echo caller input.
 */
export function maskResidentIdsIn(text: string): string {
  return text.replace(RESIDENT_ID_IN_TEXT, (_m, head: string, tail: string) => `${head}********${tail.toUpperCase()}`);
}
