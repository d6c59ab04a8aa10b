/** The `inspections` download: one row per inspection event, in the EES layout. */
import { EES_GEOGRAPHY_COLUMNS, laGeography, type Column, type Download } from '../../lib/downloads.ts';
import type { GeographyIndex } from '../../lib/geography.ts';
import { academicYear, eventDate, OUTCOME_LABELS } from '../../lib/inspections.ts';
import type { InspectionsData } from './index.ts';

const DOWNLOAD_COLUMNS: Column[] = [
  ...EES_GEOGRAPHY_COLUMNS,
  { name: 'event_id', type: 'Filter', label: 'Event identifier' },
  { name: 'event_type', type: 'Filter', label: 'Event: first_inspection (2016 framework), revisit (of a written statement of action), full_inspection (2023 framework)' },
  { name: 'framework', type: 'Filter', label: 'Inspection framework (2016 or 2023)' },
  { name: 'current_old_la_codes', type: 'Filter', label: 'DfE codes of the current area(s) whose history this event is part of (semicolon-separated)' },
  { name: 'current_la_names', type: 'Filter', label: 'Current area(s) (semicolon-separated)' },
  { name: 'inherited_from_predecessor', type: 'Filter', label: 'true when the current area(s) inherit the event from the area that was inspected' },
  { name: 'start_date', type: 'Filter', label: 'First day of the inspection or revisit (YYYY-MM-DD)' },
  { name: 'end_date', type: 'Filter', label: 'Last day of the inspection (2023 framework)' },
  { name: 'start_month', type: 'Filter', label: 'Month of the revisit (YYYY-MM) when only the month is known' },
  { name: 'publication_date', type: 'Filter', label: 'Date the letter or report was published' },
  { name: 'academic_year_published', type: 'Filter', label: 'Academic year of publication (September to August)' },
  { name: 'inspection_year', type: 'Filter', label: 'Calendar year of the inspection: start date, or publication date where the start is missing' },
  { name: 'inspection_year_from_publication', type: 'Filter', label: 'true when inspection_year is the publication year because the start date is missing' },
  { name: 'wsoa_required', type: 'Filter', label: 'Written statement of action required (first inspections)' },
  { name: 'significant_weaknesses', type: 'Indicator', label: 'Significant weaknesses in the written statement of action', unit: '', dp: 0 },
  { name: 'revisit_status', type: 'Filter', label: 'For first inspections with a WSOA: revisited, or not revisited (none published)' },
  { name: 'revisit_progress', type: 'Filter', label: 'Revisit: sufficient progress on all, some or none of the weaknesses' },
  { name: 'weaknesses_sufficient_progress', type: 'Indicator', label: 'Weaknesses with sufficient progress at the revisit', unit: '', dp: 0 },
  { name: 'weaknesses_insufficient_progress', type: 'Indicator', label: 'Weaknesses without sufficient progress at the revisit', unit: '', dp: 0 },
  { name: 'outcome', type: 'Filter', label: '2023 framework outcome: 1, 2 or 3' },
  { name: 'outcome_label', type: 'Filter', label: 'Outcome in Ofsted’s words' },
  { name: 'report_url', type: 'Filter', label: 'Ofsted report' },
  { name: 'source_kind', type: 'Filter', label: 'Where the values come from: ofsted, ofsted-notes, report-summary, council-or-press, parliament' },
  { name: 'source', type: 'Filter', label: 'Source of the entry' },
  { name: 'source_detail', type: 'Filter', label: 'Pages other than Ofsted’s that supplied values, as named in the register' },
  { name: 'flags', type: 'Filter', label: 'Caveats (semicolon-separated)' },
];

export function inspectionsDownload(data: InspectionsData, geo: GeographyIndex): Download {
  const rows = data.events.map((e) => {
    const areas = e.areaLaCodes.map((c) => geo.area(c));
    const region = geo.regionOf(areas[0]!);
    const when = eventDate(e);
    return {
      time_period: e.inspectionYear ?? '',
      time_identifier: 'Calendar year',
      ...laGeography(region, {
        onsCode: e.inspectedOnsCode ?? (e.inherited ? (geo.geography.codeChanges.find((c) => c.oldLaCode === e.inspectedLaCode)?.oldOnsCode ?? '') : ''),
        laCode: e.inspectedLaCode,
        name: e.inspectedName,
      }),
      event_id: e.id,
      event_type: e.kind.replace('-', '_'),
      framework: e.framework,
      current_old_la_codes: e.areaLaCodes.join(';'),
      current_la_names: areas.map((a) => a.name).join(';'),
      inherited_from_predecessor: e.inherited,
      start_date: e.start,
      end_date: e.end,
      start_month: e.startMonth,
      publication_date: e.publication,
      academic_year_published: e.publication ? academicYear(e.publication) : '',
      inspection_year: when ? e.inspectionYear : '',
      inspection_year_from_publication: e.kind === 'full-inspection' ? e.inspectionYearFromPublication : '',
      wsoa_required: e.wsoaRequired ?? '',
      significant_weaknesses: e.significantWeaknesses,
      revisit_status: e.revisitStatus,
      revisit_progress: e.progress,
      weaknesses_sufficient_progress: e.weaknessesSufficient,
      weaknesses_insufficient_progress: e.weaknessesInsufficient,
      outcome: e.outcome,
      outcome_label: e.outcome ? OUTCOME_LABELS[e.outcome] : '',
      report_url: e.reportUrl,
      source_kind: e.sourceKind,
      source: e.source,
      source_detail: e.sourceDetail,
      flags: e.flags.join(';'),
    };
  });
  return {
    id: 'inspections',
    title: 'Local area SEND inspections, 2016 to date: every inspection, revisit and outcome',
    description:
      'One row per inspection event: first-framework inspections (2016 to 2022) with whether a written statement of action was required, revisits with their progress, and full inspections under the framework from January 2023 with their outcome. Each row names the area as inspected and the current area(s) it belongs to, and where its values come from.',
    columns: DOWNLOAD_COLUMNS,
    rows,
    sourceIds: ['insp-first-cycle', 'insp-2023-framework', 'insp-ofsted-2022'],
    licence: 'Open Government Licence v3.0 (Ofsted); Data to Insight summary MIT licence',
  };
}
