/** Every dataset the site builds, in order. Add a new dataset module to its topic's entry here. */
import type { DatasetBuilder } from '../lib/pipeline.ts';
import { TOPICS, type TopicId } from '../lib/topics.ts';
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

/** Each topic's datasets (src/lib/topics.ts). */
const BY_TOPIC: Record<TopicId, DatasetBuilder[]> = {
  inspections: [inspectionsDataset],
  'sen-prevalence': [senPrevalenceDataset],
  'ehc-plans': [ehcpDataset, tribunalDataset, outcomesDataset],
  money: [moneyDataset],
  absence: [absenceDataset],
};

/** The geography first (every dataset checks its areas against it), then each topic's, then the search index over the geography. */
export const DATASETS: DatasetBuilder[] = [geographyDataset, boundariesDataset, ...TOPICS.flatMap((t) => BY_TOPIC[t.id]), searchDataset];
