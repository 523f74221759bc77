export {
  DistributionChart,
  isActivationKey,
  MIN_VISIBLE_FRACTION,
  sliceArcs,
  type ChartSlice,
  type DistributionChartProps,
} from './DistributionChart';
export { SeverityPatterns, patternIds } from './SeverityPatterns';
