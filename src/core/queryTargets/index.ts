export {
  codeFieldFromTargets,
  codeTermsAgg,
  datasourceRefOf,
  resolveLogsSource,
  rowLimitFromTargets,
  termsAggsOf,
} from './queryTargets';
export type { DatasourceRefLike, TargetLike, TermsAgg } from './queryTargets';
