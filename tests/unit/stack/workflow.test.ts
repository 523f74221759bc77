import { readdirSync } from 'node:fs';

import { readText, readYaml, repoPath } from './stackFiles';

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, string | number | boolean>;
}

interface Workflow {
  on: Record<string, unknown>;
  jobs: Record<string, { 'runs-on': string; env?: Record<string, string>; steps: Step[] }>;
}

const ci = readYaml<Workflow>('.github/workflows/ci.yml');

describe('.github/workflows/ci.yml', () => {
  const [job] = Object.values(ci.jobs);

  it('runs .ci/run on Ubuntu with Node 20 from actions/setup-node, CI=true, on pushes to main and pull requests', () => {
    expect(Object.keys(ci.jobs)).toHaveLength(1);
    expect(job['runs-on']).toMatch(/^ubuntu-/);
    expect(job.env).toMatchObject({ CI: 'true' });
    expect(Object.keys(ci.on)).toEqual(expect.arrayContaining(['push', 'pull_request']));
    const uses = job.steps.map((step) => step.uses?.split('@')[0]);
    expect(uses.indexOf('actions/checkout')).toBe(0);
    const setupNode = job.steps.find((step) => step.uses?.startsWith('actions/setup-node@'));
    expect(setupNode?.with?.['node-version']).toBe(20);
    expect(job.steps[job.steps.length - 1].run).toBe('bash .ci/run');
  });

  it('runs .ci/run as the runner user (sudo would drop setup-node’s Node from PATH)', () => {
    expect(job.steps.filter((step) => /\bsudo\b/.test(step.run ?? ''))).toEqual([]);
  });

  it('has no workflow that reads anything outside the repository', () => {
    for (const file of readdirSync(repoPath('.github/workflows'))) {
      const text = readText(`.github/workflows/${file}`);
      expect([file, /\.\.\/|\/work\/|shared\/schemas/.test(text)]).toEqual([file, false]);
    }
  });
});
