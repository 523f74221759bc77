/**
 * Whether the signed-in user can edit dashboards, from Grafana's boot data (`config.bootData.user`): the RBAC
 * permission `dashboards:write` when Grafana sends permissions, else the org role (Editor, Admin) or server admin.
 * Unknown (no boot data, e.g. outside Grafana): true, so no hint is hidden from someone who could act on it.
 */
export function userCanEdit(bootUser: unknown): boolean {
  if (typeof bootUser !== 'object' || bootUser === null) {
    return true;
  }
  const { permissions, orgRole, isGrafanaAdmin } = bootUser as {
    permissions?: unknown;
    orgRole?: unknown;
    isGrafanaAdmin?: unknown;
  };
  if (isGrafanaAdmin === true) {
    return true;
  }
  if (typeof permissions === 'object' && permissions !== null && Object.keys(permissions).length > 0) {
    return (permissions as Record<string, unknown>)['dashboards:write'] === true;
  }
  if (typeof orgRole === 'string' && orgRole !== '') {
    return orgRole === 'Editor' || orgRole === 'Admin';
  }
  return true;
}
