import { experimental_AstroContainer as AstroContainer } from 'astro/container';
import { describe, expect, it } from 'vitest';
import Label from '../fixtures/components/Label.astro';

describe('escaping', () => {
  it('x', async () => {
    const c = await AstroContainer.create();
    const html = await c.renderToString(Label, { props: { name: '<script>alert(1)</script> & "q"', note: '<img src=x onerror=alert(1)>' } });
    console.log(html);
  });
});
