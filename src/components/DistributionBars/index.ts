export { DistributionBars, type BarSlice, type DistributionBarsProps } from './DistributionBars';
