/**
 * The Content-Security-Policy every page sets in a meta tag: everything from
 * this site only, no inline scripts. Inline styles are allowed because Plot
 * writes style attributes into its SVG.
 */
export const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');
