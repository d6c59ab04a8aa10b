/** The site's main sections, in header order. */
export const NAV: { href: string; label: string }[] = [
  { href: '/areas/', label: 'Local areas' },
  { href: '/inspections/', label: 'Inspections' },
  { href: '/absence/', label: 'Absence' },
  { href: '/data/', label: 'Data downloads' },
  { href: '/about/data/', label: 'About the data' },
];
