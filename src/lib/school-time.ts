/**
 * What an absence rate means in days and hours of school. Assumptions, stated
 * on the page beside the results:
 * - a school year of 190 days, each of two sessions (morning and afternoon):
 *   380 possible sessions, the statutory minimum (Education (School Day and
 *   School Year) (England) Regulations 1999);
 * - a school day of 6.5 hours (the 32.5-hour minimum school week the DfE
 *   expects of state-funded mainstream schools from September 2024, over 5 days);
 * - a school career of 11 years, Year 1 to Year 11, the years the absence
 *   statistics cover for pupils of compulsory school age.
 */
export const SCHOOL_TIME = {
  daysPerYear: 190,
  sessionsPerDay: 2,
  hoursPerWeek: 32.5,
  daysPerWeek: 5,
  careerYears: 11,
} as const;

export interface TimeMissed {
  ratePercent: number;
  sessionsPerYear: number;
  daysPerYear: number;
  hoursPerYear: number;
  daysPerCareer: number;
  /** daysPerCareer as whole school years. */
  yearsPerCareer: number;
}

/** Sessions, days and hours missed at a given absence rate (% of possible sessions). */
export function timeMissed(ratePercent: number, t = SCHOOL_TIME): TimeMissed {
  if (!(ratePercent >= 0 && ratePercent <= 100)) throw new Error(`${ratePercent} is not a percentage`);
  const sessionsPossible = t.daysPerYear * t.sessionsPerDay;
  const sessionsPerYear = (sessionsPossible * ratePercent) / 100;
  const daysPerYear = sessionsPerYear / t.sessionsPerDay;
  const hoursPerYear = daysPerYear * (t.hoursPerWeek / t.daysPerWeek);
  const daysPerCareer = daysPerYear * t.careerYears;
  return { ratePercent, sessionsPerYear, daysPerYear, hoursPerYear, daysPerCareer, yearsPerCareer: daysPerCareer / t.daysPerYear };
}
