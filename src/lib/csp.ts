/**
 * The Content-Security-Policy every page sets in a meta tag: everything from
 * this site only, no inline scripts. Inline styles are allowed because Plot
 * writes style attributes into its SVG.
 *
 * Framing is not set here: browsers ignore frame-ancestors in a <meta> CSP.
 * It is sent as an HTTP header from dist/_headers (scripts/headers.mjs):
 * /embed/ pages may be framed anywhere, every other page nowhere.
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
