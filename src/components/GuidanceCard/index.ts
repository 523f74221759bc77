export { GuidanceCard, renderGuidanceNotes, type GuidanceCardProps } from './GuidanceCard';
export { LazyGuidanceCard } from './LazyGuidanceCard';
