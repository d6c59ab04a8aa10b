// The site's public origin, configured in one place: the SITE_URL environment variable.
// Default: https://send-outcomes-england.org.uk (the value CI uses, set in .ci/run).
// A placeholder domain (example.org, example.com, localhost …) is refused, so it can never reach a built file.
export const DEFAULT_SITE_URL = 'https://send-outcomes-england.org.uk';

/** Hosts that must never appear in a built file as the site's address. */
export const PLACEHOLDER_HOST = /(^|\.)(example\.(org|com|net)|example|invalid|test|localhost)$/i;

export function siteOrigin(env = process.env) {
  const raw = env.SITE_URL && env.SITE_URL.trim() !== '' ? env.SITE_URL.trim() : DEFAULT_SITE_URL;
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`SITE_URL "${raw}" is not a URL: set it to the site's public origin, e.g. ${DEFAULT_SITE_URL}`);
  }
  if (url.protocol !== 'https:') throw new Error(`SITE_URL "${raw}" must start with https://`);
  if (url.pathname !== '/' || url.search || url.hash) throw new Error(`SITE_URL "${raw}" must be an origin only (no path), e.g. ${DEFAULT_SITE_URL}`);
  if (PLACEHOLDER_HOST.test(url.hostname)) throw new Error(`SITE_URL "${raw}" is a placeholder domain: set it to the site's public origin`);
  return url.origin;
}
