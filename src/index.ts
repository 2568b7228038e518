// crosscheck as a library: the stages and their types, re-exported. No logic here.
export type * from './types.ts';
export { CrosscheckError, createError, isCrosscheckError, ERROR_CODES, type ErrorCode } from './errors.ts';
export { readInputs, type ReadOptions, type ReadResult } from './ingest/read-inputs.ts';
export { collectDocuments, collectAll } from './ingest/collect.ts';
export { extractDocuments, detectKind } from './extract/index.ts';
export { annotateDocument } from './annotate/index.ts';
export { clusterStories, createStoryClusterer, toClusterInput, fromAnnotated } from './cluster/index.ts';
export { analyzeDocuments, analyzeStory, type AnalyzeOptions } from './analyze/index.ts';
export { compareArticles, type ArticleComparison, type AlignedClaim } from './analyze/compare-articles.ts';
export { compareSentences } from './analyze/similarity.ts';
export { renderReport, REPORT_FORMATS, type ReportFormat } from './report/index.ts';
export { toReportV1, renderJson, type ReportV1 } from './report/json.ts';
export { renderHtml } from './report/html.ts';
export type { Store } from './store/store.ts';
export { openStore, describeStore } from './store/open.ts';
export { Ingestor, reanalyzeStale } from './store/ingest.ts';
export { createApp } from './server/app.ts';
export { listen } from './server/serve.ts';
