/** Every dataset the site builds, in order. Add a new dataset module here. */
import type { DatasetBuilder } from '../lib/pipeline.ts';
import { absenceDataset } from './absence.ts';
import { boundariesDataset } from './boundaries.ts';
import { ehcpDataset } from './ehcp.ts';
import { geographyDataset } from './geography.ts';
import { inspectionsDataset } from './inspections/index.ts';
import { outcomesDataset } from './outcomes.ts';
import { tribunalDataset } from './tribunal.ts';
import { searchDataset } from './search.ts';
import { moneyDataset } from './money.ts';
import { senPrevalenceDataset } from './sen-prevalence.ts';

export const DATASETS: DatasetBuilder[] = [geographyDataset, boundariesDataset, inspectionsDataset, absenceDataset, ehcpDataset, tribunalDataset, outcomesDataset, moneyDataset, senPrevalenceDataset, searchDataset];
