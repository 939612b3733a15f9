import * as fs from 'node:fs';
import * as path from 'node:path';
import type { PlanJson } from './plan-json';
import { renderMarkdown, summarizePlan, type PlanSummary, type SummaryOptions } from './summary';

export interface WrittenSummary {
  summary: PlanSummary;
  markdownFile: string;
  jsonFile: string;
}

/** Writes `<outDir>/<stack>.md` (for the pull request) and `<outDir>/<stack>.json` (for tools). */
export function writeSummary(outDir: string, stack: string, plan: PlanJson, options: SummaryOptions = {}): WrittenSummary {
  const summary = summarizePlan(stack, plan, options);
  fs.mkdirSync(outDir, { recursive: true });
  const markdownFile = path.join(outDir, `${stack}.md`);
  const jsonFile = path.join(outDir, `${stack}.json`);
  fs.writeFileSync(markdownFile, renderMarkdown(summary));
  fs.writeFileSync(jsonFile, `${JSON.stringify(summary, null, 2)}\n`);
  return { summary, markdownFile, jsonFile };
}
