export { LegendTable, type LegendTableProps } from './LegendTable';
