export { DistributionChart, isActivationKey, type ChartSlice, type DistributionChartProps } from './DistributionChart';
export { SeverityPatterns, patternIds } from './SeverityPatterns';
