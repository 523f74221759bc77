export { FindingsStrip, type FindingsStripProps } from './FindingsStrip';
