import { containsMobileNumberPattern, containsResidentIdPattern } from '../identifiers';

// C0 and C1 control characters (tab and newline included): they break CSV exports, logs and the
// canonical JSON of the feeds, and no legitimate identifier or name contains them.
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f]/u;
// Half of a surrogate pair on its own is not a character: MariaDB's utf8mb4 cannot hold it, and the driver
// would store U+FFFD instead, so the text would not come back as sent.
const LONE_SURROGATE = /\p{Cs}/u;
// Embeddings, overrides and isolates reorder how the text around them is displayed ("Trojan Source"): a
// decision number could read differently on the public page than it is stored. Plain direction marks stay.
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/u;
const PRINTABLE_ASCII = /^[\u0020-\u007e]*$/;

/**
 * What is wrong with a piece of free text, as the end of a message (`field must …`), or null. `published`
 * texts reach public disclosures or the commission's feeds: no resident ID or phone number there either
 * (domain.md §7), however it is written. Every free-text input goes through here, so the rules are one.
 */
export function freeTextProblem(text: string, published: boolean): string | null {
  // Printable ASCII (most identifiers) holds none of the characters the first three checks look for.
  if (!PRINTABLE_ASCII.test(text)) {
    if (CONTROL_CHARACTER.test(text)) return 'must not contain control characters';
    if (LONE_SURROGATE.test(text)) return 'must be well-formed Unicode (no unpaired surrogate)';
    if (BIDI_CONTROL.test(text)) return 'must not contain bidirectional embedding, override or isolate characters';
  }
  if (!published) return null;
  if (containsResidentIdPattern(text)) return 'must not contain a resident ID number';
  if (containsMobileNumberPattern(text)) return 'must not contain a phone number';
  return null;
}
