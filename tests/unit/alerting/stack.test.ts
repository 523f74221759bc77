/** @jest-environment ./tools/seed/testing/nodeEnvironment.js */
/**
 * The demo stack's alerting: the `alerts` service of docker-compose.yml, the contact point and notification policy
 * it is reached through, the seeder's replayed incidents, and the receiver's log lines. Static: no Docker here.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';

import { load } from 'js-yaml';

import { parseOptions } from '../../../tools/seed/main';
import { readRepoText, readRepoYaml, repoPath } from './testing/repo';

const receiver = require('../../../tools/alert-rules/receiver.cjs') as {
  describeNotification(body: string): string[];
};

interface Service {
  image?: string;
  depends_on?: Record<string, { condition: string }>;
  volumes?: string[];
  environment?: Record<string, string>;
  ports?: string[];
  command?: string[];
  working_dir?: string;
  restart?: string;
  healthcheck?: { test: string[] };
  user?: string;
}

/** docker-compose.yml with every ${VAR:-default} at its default. */
const compose = load(readRepoText('docker-compose.yml').replace(/\$\{[A-Z_]+:-([^}]*)\}/g, '$1')) as {
  services: Record<string, Service>;
};
const alerts = compose.services.alerts;
const contactPoints = readRepoYaml<{
  apiVersion: number;
  contactPoints: Array<{
    orgId: number;
    name: string;
    receivers: Array<{ uid: string; type: string; settings: Record<string, string> }>;
  }>;
}>('provisioning/alerting/contact-points.yaml');
const policies = readRepoYaml<{ apiVersion: number; policies: Array<Record<string, unknown>> }>(
  'provisioning/alerting/notification-policies.yaml'
);

describe('the alerts service', () => {
  it('runs the receiver on the pinned Node image the stack already uses, from the workspace, read-only', () => {
    expect(alerts.image).toBe(compose.services.setup.image);
    expect(alerts.image).toMatch(/^node:\d+\.\d+\.\d+-/);
    expect(alerts.depends_on).toEqual({ 'plugin-build': { condition: 'service_completed_successfully' } });
    expect(alerts.volumes).toEqual(['plugin-workspace:/build:ro']);
    expect(alerts.working_dir).toBe('/build');
    expect(alerts.command).toEqual(['node', 'tools/alert-rules/receiver.cjs']);
    expect(existsSync(repoPath('tools/alert-rules/receiver.cjs'))).toBe(true);
    // plugin-build copies the checkout into the workspace without these: the receiver must not be among them.
    const excluded = [...readRepoText('scripts/plugin-build.sh').matchAll(/--exclude=\.?\/?([\w.-]+)/g)].map(
      (m) => m[1]
    );
    expect(excluded).not.toContain('tools');
  });

  it('is not published, runs unprivileged, comes back after restarts and has a healthcheck on its own port', () => {
    expect(alerts.ports).toBeUndefined();
    expect(alerts.user).toBe('node');
    expect(alerts.restart).toBe('unless-stopped');
    expect(alerts.healthcheck!.test.slice(0, 3)).toEqual(['CMD', 'node', '-e']);
    expect(alerts.healthcheck!.test[3]).toContain(`http://127.0.0.1:${alerts.environment!.PORT}/health`);
  });

  it('is what Grafana’s contact point posts to, and the notification policy sends every alert there', () => {
    expect(contactPoints.apiVersion).toBe(1);
    const [point] = contactPoints.contactPoints;
    const [webhook] = point.receivers;
    expect(webhook.type).toBe('webhook');
    expect(webhook.uid).toMatch(/^[A-Za-z0-9_-]{1,40}$/);
    expect(webhook.settings).toEqual({ url: `http://alerts:${alerts.environment!.PORT}/`, httpMethod: 'POST' });
    expect(policies.apiVersion).toBe(1);
    expect(policies.policies).toHaveLength(1);
    expect(policies.policies[0]).toMatchObject({ orgId: 1, receiver: point.name });
    expect(policies.policies[0].group_by).toEqual(expect.arrayContaining(['alertname', 'sip_code']));
  });

  it('leaves Grafana’s alerting folder with provisioning files only (anything else is skipped with a warning)', () => {
    const folder = repoPath('provisioning/alerting');
    for (const entry of readdirSync(folder)) {
      expect([entry, statSync(`${folder}/${entry}`).isFile() && /\.ya?ml$/.test(entry)]).toEqual([entry, true]);
    }
    const grafana = compose.services.grafana;
    expect(grafana.volumes).toContain('./provisioning:/etc/grafana/provisioning:ro,z');
  });

  it('gets replayed incidents from the seeder, at a period its options accept', () => {
    const command = compose.services.setup.command!;
    const options = parseOptions(command.slice(command.indexOf('tools/seed/cli.ts') + 1), { ES_PASSWORD: 'x' });
    expect(options).toMatchObject({ live: true, replayEveryMinutes: 30 });
  });
});

describe('the receiver’s log lines', () => {
  const notification = (status: string) =>
    JSON.stringify({
      receiver: 'NOC demo log',
      status,
      alerts: [
        {
          status,
          labels: {
            alertname: 'SIP 503 share (track)',
            sip_code: '503',
            severity: 'track',
            team_policy: 'default',
            metric: 'count',
          },
          annotations: { summary: 'SIP 503: 8.2 % of calls (82 of 1000) in the last 15 min' },
        },
        { status, labels: { alertname: 'SIP no calls', severity: 'immediate' }, annotations: {} },
      ],
    });

  it('say per alert whether it fires or resolved, which rule and code, and its summary', () => {
    expect(receiver.describeNotification(notification('firing'))).toEqual([
      'FIRING SIP 503 share (track) sip_code=503 severity=track team_policy=default: SIP 503: 8.2 % of calls (82 of 1000) in the last 15 min',
      'FIRING SIP no calls severity=immediate: ',
    ]);
    expect(receiver.describeNotification(notification('resolved'))[0]).toMatch(/^RESOLVED SIP 503 share/);
  });

  it('survive bodies that are not Grafana notifications', () => {
    expect(receiver.describeNotification('not json')).toEqual(['not JSON (8 bytes)']);
    expect(receiver.describeNotification('{"status": "firing"}')).toEqual(['FIRING (no alerts in the notification)']);
    expect(receiver.describeNotification('null')).toEqual(['? (no alerts in the notification)']);
    expect(receiver.describeNotification('{"alerts": [null, 3]}')).toHaveLength(2);
  });
});
