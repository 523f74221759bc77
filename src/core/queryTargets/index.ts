export {
  codeFieldFromTargets,
  codeTermsAgg,
  datasourceRefOf,
  resolveLogsSource,
  rowLimitFromTargets,
  targetFactsOf,
  termsAggsOf,
} from './queryTargets';
export type { BucketAggFacts, DatasourceRefLike, TargetFacts, TargetLike, TermsAgg } from './queryTargets';
