/** The site's main sections, in header order. */
export const NAV: { href: string; label: string }[] = [
  { href: '/areas/', label: 'Local areas' },
  { href: '/inspections/', label: 'Inspections' },
  { href: '/ehc-plans/', label: 'EHC plans' },
  { href: '/absence/', label: 'Absence' },
  { href: '/outcomes/', label: 'Outcomes' },
  { href: '/money/', label: 'Money' },
  { href: '/data/', label: 'Data downloads' },
  { href: '/about/data/', label: 'About the data' },
];
