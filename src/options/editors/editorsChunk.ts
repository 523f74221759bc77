/** The option editors that load lazily (see lazyEditors.tsx). */
export { CodeFieldEditor } from './CodeFieldEditor';
export { LogsDatasourceEditor } from './LogsDatasourceEditor';
export { QueryRolesEditor } from './QueryRolesEditor';
