export { CodeFieldEditor } from './CodeFieldEditor';
