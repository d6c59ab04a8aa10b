/**
 * Small numbers, one set of rules for every key fact, headline and "What stands out"
 * (explained on /about/data/#small-numbers):
 * - a rate resting on fewer than MIN_CASES cases (plans issued, plans held) is shown with its
 *   count and never called out;
 * - counts below SHOW_COUNT_BELOW are shown beside the rate;
 * - where the publisher gives no count behind a rate about pupils (persistent absence of pupils
 *   with EHC plans or on SEN support, the share of pupils with a plan, money per child with a plan),
 *   an area holding fewer than SMALL_AREA_PLANS EHC plans in all is too small to call out: its
 *   rate rests on a few dozen pupils at most (City of London, Isles of Scilly).
 */
import { plural } from '../lib/format.ts';
import type { Area } from '../lib/geography.ts';

export const MIN_CASES = 10;
export const SHOW_COUNT_BELOW = 100;
export const SMALL_AREA_PLANS = 100;

/** True when an area's pupil rates rest on too few pupils to compare (`plans`: EHC plans it holds). */
export const isSmallArea = (plans: number | null): boolean => plans !== null && plans < SMALL_AREA_PLANS;

/** Why a very small area's pupil rate is shown but not compared. */
export function smallAreaNote(area: Pick<Area, 'name'>, plans: number): string {
  return `${area.name} holds only ${plural(plans, 'plan')} in all, so this rate rests on very few pupils (DfE does not publish how many): it is not compared with other areas here.`;
}
