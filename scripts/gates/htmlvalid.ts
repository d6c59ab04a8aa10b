/** HTML validity gate: html-validate with the committed .htmlvalidate.json. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { HtmlValidate, StaticConfigLoader, type ConfigData } from 'html-validate';
import { ROOT } from './config.ts';
import type { Problem } from './links.ts';
import type { Page } from './site.ts';

export function loadValidator(configFile = path.join(ROOT, '.htmlvalidate.json')): HtmlValidate {
  const config = JSON.parse(readFileSync(configFile, 'utf8')) as ConfigData;
  return new HtmlValidate(new StaticConfigLoader(config));
}

export async function checkHtml(pages: Page[], validator: HtmlValidate = loadValidator()): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const page of pages) {
    const report = await validator.validateString(readFileSync(page.file, 'utf8'), page.file);
    for (const result of report.results) {
      for (const m of result.messages) {
        problems.push({ page: page.url, message: `${m.line}:${m.column} ${m.ruleId}: ${m.message}${m.selector ? ` (${m.selector})` : ''}` });
      }
    }
  }
  return problems;
}
