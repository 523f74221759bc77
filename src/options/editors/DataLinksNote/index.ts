export { DataLinksNote } from './DataLinksNote';
