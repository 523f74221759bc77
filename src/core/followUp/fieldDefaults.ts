/**
 * The fields worth breaking a code's calls down by, per the runbook's actions and the gateway's call records: who
 * to block (403: the source IP), which customer's trunk and numbers (404), which account is at its limit or inactive
 * (503), which codec the trunk offered (488). Names are logical; they are matched against the data's own field
 * names with aliases (fieldAliases.ts). Data only: the catalog merges these into the default policy.
 */
export const DEFAULT_FOLLOW_UP_FIELDS: Readonly<Record<number, readonly string[]>> = {
  403: ['source_ip', 'user_agent'],
  404: ['called_number', 'trunk'],
  408: ['trunk', 'host'],
  480: ['application', 'x_reason'],
  487: ['trunk', 'account'],
  488: ['trunk', 'x_reason'],
  500: ['application', 'x_reason'],
  503: ['account', 'x_reason'],
  603: ['application', 'x_reason'],
};
