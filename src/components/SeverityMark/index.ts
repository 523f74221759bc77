export { SeverityMark, type SeverityMarkProps } from './SeverityMark';
