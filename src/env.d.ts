/// <reference types="astro/client" />

// Plain tsc (npm run typecheck) does not know .astro files; tests import components for the
// Container API. Astro's own checker gives them their real types.
declare module '*.astro' {
  import type { AstroComponentFactory } from 'astro/runtime/server/index.js';
  const Component: AstroComponentFactory;
  export default Component;
}
