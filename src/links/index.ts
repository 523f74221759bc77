export type { GuidanceLink } from './types';
export { buildLogsExploreUrl, escapeLuceneField, logsQueryFor, type LogsExploreInput } from './exploreLogs';
export {
  buildDataLinks,
  buildTraceLink,
  codeScopedVars,
  dataLinksForCode,
  interpolateLinkTitle,
  interpolateLinkUrl,
  type CodeDataLinksInput,
  type CodeLinkContext,
} from './templateLinks';
export { buildGuidanceLinks, type GuidanceLinks, type GuidanceLinksInput } from './guidanceLinks';
export { fallbackSanitizeUrl, safeUrl } from './safeUrl';
export { buildCallLogsExploreUrl, buildCallTraceLink, callLogsQuery } from './callLinks';
export {
  absoluteUrl,
  buildFollowUpLinks,
  contributorKey,
  dashboardUrlWithRange,
  type CallLinks,
  type FollowUpLinks,
  type FollowUpLinksInput,
} from './followUpLinks';
