// A short cited summary of a story: its most central corroborated claims, then the disputed points
// with each side and its sources, then (when little is corroborated) its best single-source claims.
// Every sentence cites the documents it rests on; nothing is generated beyond the articles' words.
import type { ClaimGroup, SummarySentence } from '../types.ts';

export interface SummaryOptions {
  maxCorroborated: number;
  maxDisputed: number;
  /** Fewest sentences a summary aims for; single-source claims fill the gap, marked as such. */
  minSentences: number;
}

export const SUMMARY_DEFAULTS: SummaryOptions = { maxCorroborated: 4, maxDisputed: 3, minSentences: 3 };

export function summarize(groups: ClaimGroup[], options: Partial<SummaryOptions> = {}): SummarySentence[] {
  const opts = { ...SUMMARY_DEFAULTS, ...options };
  const byWeight = (a: ClaimGroup, b: ClaimGroup): number =>
    b.independentSources - a.independentSources || b.documentIds.length - a.documentIds.length || b.claims.length - a.claims.length || a.id.localeCompare(b.id);
  const summary: SummarySentence[] = groups
    .filter((g) => g.status === 'corroborated')
    .sort(byWeight)
    .slice(0, opts.maxCorroborated)
    .map((g) => ({ text: g.text, kind: 'corroborated', documentIds: g.documentIds, evidence: g.evidence }));
  for (const g of groups.filter((x) => x.status === 'conflicting' && x.conflict).slice(0, opts.maxDisputed)) {
    const sides = g.conflict!.values.map((v) => `${v.value} (${v.documentIds.length} article${v.documentIds.length === 1 ? '' : 's'})`).join(' vs ');
    summary.push({ text: `Sources disagree on the ${g.conflict!.slot}: ${sides}.`, kind: 'disputed', documentIds: g.documentIds, evidence: g.evidence });
  }
  if (summary.length < opts.minSentences) {
    const single = groups.filter((g) => g.status === 'single-source').sort(byWeight);
    for (const g of single.slice(0, opts.minSentences - summary.length)) summary.push({ text: g.text, kind: 'single-source', documentIds: g.documentIds, evidence: g.evidence });
  }
  return summary;
}
