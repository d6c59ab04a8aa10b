/** Shared pieces of the inspections dataset tests: the fixture files, the test geography and error catchers. */
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { firstCycleEvents, newFrameworkEvents, parseFirstCycle, parseNewFramework } from '../../../src/datasets/inspections/index.ts';
import { DataError } from '../../../src/lib/csv.ts';
import { testGeography } from './geo.ts';

export const fx = (name: string) => fileURLToPath(new URL(`../../fixtures/inspections/${name}`, import.meta.url));
export const geo = testGeography();
export const files = { firstCycle: fx('first-cycle.csv'), newFramework: fx('new-framework.csv'), ofsted: fx('ofsted.csv') };

/** The DataError that parsing a first-cycle fixture and joining it to the test geography throws. */
export async function firstCycleError(name: string): Promise<DataError> {
  const err = await parseFirstCycle(fx(name), name)
    .then((rows) => firstCycleEvents(rows, geo, name))
    .then(() => null)
    .catch((e: unknown) => e);
  expect(err).toBeInstanceOf(DataError);
  return err as DataError;
}

/** The DataError that parsing a 2023-framework fixture and joining it to the test geography throws. */
export async function newFrameworkError(name: string): Promise<DataError> {
  const err = await parseNewFramework(fx(name), name)
    .then((rows) => newFrameworkEvents(rows, geo, name))
    .then(() => null)
    .catch((e: unknown) => e);
  expect(err).toBeInstanceOf(DataError);
  return err as DataError;
}
