export type { GuidanceLink, DatasourceRefLike } from './types';
export {
  buildLogsExploreUrl,
  escapeLuceneField,
  logsQueryFor,
  resolveLogsSource,
  type LogsExploreInput,
  type TargetLike,
} from './exploreLogs';
export {
  buildDataLinks,
  buildTraceLink,
  codeScopedVars,
  interpolateLinkTitle,
  interpolateLinkUrl,
  type CodeLinkContext,
} from './templateLinks';
export { buildGuidanceLinks, type GuidanceLinks, type GuidanceLinksInput } from './guidanceLinks';
export { fallbackSanitizeUrl, safeUrl } from './safeUrl';
