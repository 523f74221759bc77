export { assignQueryRoles } from './assignRoles';
export { findFieldName, looseFieldName, sameFieldName } from './fieldNames';
export { cellText, cellTimeMs, flatColumns, readCellFrame } from './frameCells';
export type { CellColumn, CellFrame } from './frameCells';
export type { QueryKind, QueryRole, QueryRoleEntry, QueryRoleOverrides, QueryRoles } from './types';
