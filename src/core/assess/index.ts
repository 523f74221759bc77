export { assessCodes, assessDistribution, mostUrgentFirst } from './assess';
export { DEFAULT_RECENT_FRACTION, planRecentWindow, riseStats, twoProportionZ } from './rise';
export type { RecentWindow, WindowPlan, WindowProblem } from './rise';
