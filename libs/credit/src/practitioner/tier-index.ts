import { EventType } from '../model';
import { PractitionerRuleSet, PractitionerTier } from '../rules';

export interface TierIndex {
  byType: ReadonlyMap<EventType, PractitionerTier>;
  byNumber: ReadonlyMap<number, PractitionerTier>;
}

// A full rescore assesses hundreds of thousands of practitioners with the same rule set object: index it once.
const cache = new WeakMap<PractitionerRuleSet, TierIndex>();

/** Tier lookups of a rule set, by event type and by tier number. */
export function tierIndex(ruleSet: PractitionerRuleSet): TierIndex {
  let index = cache.get(ruleSet);
  if (index === undefined) {
    const byType = new Map<EventType, PractitionerTier>();
    const byNumber = new Map<number, PractitionerTier>();
    for (const tier of ruleSet.tiers) {
      byNumber.set(tier.tier, tier);
      for (const type of tier.eventTypes) byType.set(type, tier);
    }
    index = { byType, byNumber };
    cache.set(ruleSet, index);
  }
  return index;
}
