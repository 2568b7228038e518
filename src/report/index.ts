// The report renderers behind one call: text for a terminal, JSON (contract v1), Markdown, HTML.
// Each renderer is a pure function of the Analysis; this file only dispatches.
import type { Analysis } from '../types.ts';
import { renderHtml } from './html.ts';
import { renderJson } from './json.ts';
import { renderMarkdown } from './markdown.ts';
import { renderText } from './text.ts';

export const REPORT_FORMATS = ['text', 'json', 'md', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export interface RenderOptions {
  /** ANSI colour in the text report. */
  color: boolean;
}

export function renderReport(analysis: Analysis, format: ReportFormat, options: RenderOptions = { color: false }): string {
  switch (format) {
    case 'json':
      return renderJson(analysis);
    case 'md':
      return renderMarkdown(analysis);
    case 'html':
      return renderHtml(analysis);
    case 'text':
      return renderText(analysis, { color: options.color });
  }
}
