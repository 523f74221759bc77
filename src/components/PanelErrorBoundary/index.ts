export { PanelErrorBoundary, type PanelErrorBoundaryProps } from './PanelErrorBoundary';
