/**
 * The site's topics, in the order an area page shows them. One list, which
 * the data pipeline (src/datasets/index.ts), the chart registry
 * (src/charts/registry.ts), the area page's sections, contents and headings
 * (src/pages/areas/[slug].astro, src/components/sections/) and the key facts'
 * links (src/facts/key-facts.ts) all read. Each layer maps a topic's id to its
 * own parts in a Record<TopicId, …>, so a topic added here and missing from a
 * layer fails the type check. A topic's id is also its area page section's id.
 */
export const TOPICS = [
  { id: 'inspections', label: 'Inspections' },
  { id: 'sen-prevalence', label: 'How many children have SEN here?' },
  { id: 'ehc-plans', label: 'EHC plans, appeals and outcomes' },
  { id: 'money', label: 'Money for SEND' },
  { id: 'absence', label: 'Absence and suspensions' },
] as const;

export type TopicId = (typeof TOPICS)[number]['id'];

export function topic(id: TopicId): (typeof TOPICS)[number] {
  return TOPICS.find((t) => t.id === id)!;
}
