export { LOGS_DATASOURCE_TYPE, LogsDatasourceEditor } from './LogsDatasourceEditor';
