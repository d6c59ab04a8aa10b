/** Every dataset the site builds, in order. Add a new dataset module here. */
import type { DatasetBuilder } from '../lib/pipeline.ts';
import { absenceDataset } from './absence.ts';
import { boundariesDataset } from './boundaries.ts';
import { geographyDataset } from './geography.ts';
import { inspectionsDataset } from './inspections.ts';

export const DATASETS: DatasetBuilder[] = [geographyDataset, boundariesDataset, inspectionsDataset, absenceDataset];
