import { InsuredRuleSet } from '../rules';

/**
 * Months of direct-settlement suspension for one violation (domain.md §3, 条例 Art.41 range 3–12 months):
 * by `amountInvolvedFen` through the bands (inclusive upper bounds), or `repeatMonths` for a repeat. An unknown
 * amount falls in the lowest band: the rule that is not proven is not applied.
 */
export function settlementSuspensionMonths(
  rules: InsuredRuleSet['settlementSuspension'],
  amountInvolvedFen: number | null,
  isRepeat: boolean,
): number {
  const amount = amountInvolvedFen ?? 0;
  let months = rules.bands[rules.bands.length - 1].months;
  for (const band of rules.bands) {
    if (band.upToFen === null || amount <= band.upToFen) {
      months = band.months;
      break;
    }
  }
  return isRepeat ? Math.max(months, rules.repeatMonths) : months;
}
