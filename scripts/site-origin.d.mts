/** Types for scripts/site-origin.mjs (read by astro.config.mjs and the site tests). */
export declare const DEFAULT_SITE_URL: string;
export declare const PLACEHOLDER_HOST: RegExp;
export declare function siteOrigin(env?: Record<string, string | undefined>): string;
