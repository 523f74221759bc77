export {
  GuidanceCard,
  describeFiredRule,
  describeRules,
  renderGuidanceNotes,
  type GuidanceCardProps,
} from './GuidanceCard';
