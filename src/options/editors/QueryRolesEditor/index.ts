export { QueryRolesEditor } from './QueryRolesEditor';
