import { PERSON_NAME_PARTS as PARTS } from '../catalogue/person-name-parts';
import { Prng } from '../random/prng';
import { ZipfSampler } from '../random/zipf-sampler';

// Surname frequencies fall off roughly like Zipf's law; the offset keeps 王 from taking a third of everyone.
const SURNAMES = new ZipfSampler(PARTS.surnames.length, 1, 3);
const SINGLE_CHARACTER_GIVEN_NAME = 0.3;

/** A Chinese personal name: surname and a one- or two-character given name that fits the sex. */
export function personName(rng: Prng, male: boolean): string {
  const surname = PARTS.surnames[SURNAMES.sample(rng) - 1];
  const chars = male ? PARTS.maleGiven : PARTS.femaleGiven;
  const first = rng.pick(chars);
  if (rng.chance(SINGLE_CHARACTER_GIVEN_NAME)) return surname + first;
  return surname + first + secondCharacter(rng, chars, first);
}

// A doubled character (婷婷) is common for girls but reads oddly for most others: simply avoid it.
function secondCharacter(rng: Prng, chars: readonly string[], first: string): string {
  const second = rng.pick(chars);
  return second === first ? chars[(chars.indexOf(first) + 1) % chars.length] : second;
}
