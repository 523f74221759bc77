export { DistributionChart, isActivationKey, sliceArcs, type DistributionChartProps } from './DistributionChart';
export { SeverityPatterns, patternIds } from './SeverityPatterns';
