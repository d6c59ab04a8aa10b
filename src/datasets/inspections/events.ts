/**
 * Every inspection, revisit and 2023-framework inspection as one typed event, joined to today's
 * areas, with where its values come from.
 */
import { DataError } from '../../lib/csv.ts';
import type { GeographyIndex } from '../../lib/geography.ts';
import type { InspectionEvent, SourceKind } from '../../lib/inspections.ts';
import type { FirstCycleRow } from './first-cycle.ts';
import { joinArea } from './join.ts';
import type { NewFrameworkRow } from './new-framework.ts';

/** Ofsted's page for a local authority (category 44), which lists its area SEND letters. */
export const ofstedPageUrl = (urn: string): string => `https://reports.ofsted.gov.uk/provider/44/${urn}`;

const OFSTED_STATS_LINE = 'Ofsted, Area SEND inspections and outcomes in England as at 31 August 2022 (official statistics)';

export function firstCycleEvents(rows: readonly FirstCycleRow[], geo: GeographyIndex, file: string): InspectionEvent[] {
  const events: InspectionEvent[] = [];
  for (const r of rows) {
    const join = joinArea(geo, r.laCode, r.onsCode, r.name, (p) => new DataError(file, r.line, 'la_code_old', p));
    const inspectedName = r.name.replace(/ \(pre-[^)]*\)$/, '');
    const base = {
      framework: '2016' as const,
      inspectedLaCode: r.laCode,
      inspectedOnsCode: r.onsCode,
      inspectedName,
      ...join,
      end: null,
      outcome: null,
      outcomeText: null,
      statedNextInspection: null,
      reportUrl: null,
      ofstedPageUrl: r.urn ? ofstedPageUrl(r.urn) : null,
      inspectionYearFromPublication: false,
    };
    const fromNotes = !r.inOfstedMainTable;
    events.push({
      ...base,
      id: `first-${r.laCode}`,
      kind: 'first-inspection',
      start: r.start,
      startMonth: null,
      publication: r.publication,
      wsoaRequired: r.wsoa,
      significantWeaknesses: r.weaknesses,
      revisitStatus: r.wsoa ? (r.revisit === 'not revisited' ? 'not revisited' : 'revisited') : null,
      progress: null,
      weaknessesSufficient: null,
      weaknessesInsufficient: null,
      inspectionYear: Number(r.start.slice(0, 4)),
      sourceKind: fromNotes ? 'ofsted-notes' : 'ofsted',
      source: fromNotes
        ? 'Ofsted official statistics as at 31 August 2022, notes to the table (outcome); ADCS local area SEND inspection outcomes summary (dates)'
        : OFSTED_STATS_LINE,
      sourceDetail: null,
      flags: fromNotes ? ['dates_from_adcs_summary'] : [],
      notes: r.notes,
    });
    if (r.revisit === 'all' || r.revisit === 'some' || r.revisit === 'none') {
      const other = r.revisitSource !== null;
      const flags: string[] = [];
      if (other) flags.push('revisit_from_council_or_press_pages');
      if (r.revisitStart === null && r.revisitMonth !== null) flags.push('revisit_month_only');
      if (r.revisitStart === null && r.revisitMonth === null) flags.push('revisit_date_not_published');
      const when = r.revisitStart ?? (r.revisitMonth ? `${r.revisitMonth}-01` : null);
      events.push({
        ...base,
        id: `revisit-${r.laCode}`,
        kind: 'revisit',
        start: r.revisitStart,
        startMonth: r.revisitStart ? null : r.revisitMonth,
        publication: r.revisitPublication,
        wsoaRequired: null,
        significantWeaknesses: r.weaknesses,
        revisitStatus: null,
        progress: r.revisit,
        weaknessesSufficient: r.sufficient,
        weaknessesInsufficient: r.insufficient,
        inspectionYear: when ? Number(when.slice(0, 4)) : null,
        sourceKind: other ? 'council-or-press' : fromNotes ? 'ofsted-notes' : 'ofsted',
        source: other
          ? 'Council, parent-forum and press pages (this revisit was after Ofsted’s official statistics; not checked against the Ofsted letter)'
          : fromNotes
            ? 'Ofsted official statistics as at 31 August 2022, notes to the table (outcome); ADCS summary (dates)'
            : OFSTED_STATS_LINE,
        sourceDetail: r.revisitSource,
        flags,
        notes: other || fromNotes ? r.notes : '',
      });
    }
  }
  return events;
}

const D2I_LINE = 'Ofsted and CQC inspection report, as summarised by Data to Insight';

export function newFrameworkEvents(rows: readonly NewFrameworkRow[], geo: GeographyIndex, file: string): InspectionEvent[] {
  const ids = new Set<string>();
  return rows.map((r) => {
    const join = joinArea(geo, r.laCode, null, r.name, (p) => new DataError(file, r.line, 'la_code_old', p));
    if (join.inherited) throw new DataError(file, r.line, 'la_code_old', `${r.laCode} (${r.name}) is no longer a local area, but this framework began in 2023`);
    // ltla23cd is stale for several areas (county codes, pre-2025 codes): it must still lead to the same area.
    if (r.ltlaCode !== null) {
      const res = geo.resolve(r.ltlaCode);
      if (!res || !res.laCodes.includes(join.areaLaCodes[0]!)) throw new DataError(file, r.line, 'ltla23cd', `${r.ltlaCode} does not lead to ${r.name} (${r.laCode})`);
    }
    const area = geo.area(join.areaLaCodes[0]!);
    if (r.regionCode !== null && r.regionCode !== area.regionCode) throw new DataError(file, r.line, 'region_code', `${r.name} is in ${area.regionCode}, not ${r.regionCode}`);
    const id = `full-${r.laCode}-${r.start ?? r.publication}`;
    if (ids.has(id)) throw new DataError(file, r.line, 'la_code_old', `${r.name} has two inspections on the same date`);
    ids.add(id);
    const kind: SourceKind = r.flags.some((f) => f.includes('from_parliamentary_answer'))
      ? 'parliament'
      : r.flags.some((f) => f.includes('from_press'))
        ? 'council-or-press'
        : 'report-summary';
    const extra =
      kind === 'parliament'
        ? '; dates from a DfE written parliamentary answer'
        : kind === 'council-or-press'
          ? '; outcome from press reports of the published report'
          : r.confirmedByOfstedMi
            ? '; confirmed by Ofsted management information'
            : '';
    return {
      id,
      kind: 'full-inspection',
      framework: '2023',
      inspectedLaCode: r.laCode,
      inspectedOnsCode: area.onsCode,
      inspectedName: area.name,
      ...join,
      start: r.start,
      end: r.end,
      startMonth: null,
      publication: r.publication,
      wsoaRequired: null,
      significantWeaknesses: null,
      revisitStatus: null,
      progress: null,
      weaknessesSufficient: null,
      weaknessesInsufficient: null,
      outcome: r.outcome,
      outcomeText: r.outcomeText,
      statedNextInspection: r.statedNext,
      inspectionYear: Number((r.start ?? r.publication).slice(0, 4)),
      inspectionYearFromPublication: r.start === null,
      reportUrl: r.reportUrl,
      sourceKind: kind,
      source: `${D2I_LINE}${extra}`,
      sourceDetail: kind === 'report-summary' ? null : r.notes,
      flags: r.flags,
      notes: r.notes,
    };
  });
}
