export { assessCodes, assessDistribution, mostUrgentFirst, ongoingFirst } from './assess';
export {
  DEFAULT_RECENCY_MS,
  DEFAULT_RECENT_FRACTION,
  codeRecency,
  planRecencyWindow,
  planRecentWindow,
  riseStats,
  twoProportionZ,
} from './rise';
export type { CodeRecency, RecencyWindow, RecentWindow, WindowPlan, WindowProblem } from './rise';
