import { compileSchema, describeErrors, loadSharedSchema, readJson } from './stackFiles';

interface PluginJson {
  id: string;
  type: string;
  name: string;
  info: { version: string };
  dependencies: { grafanaDependency: string };
}

const plugin = readJson<PluginJson>('src/plugin.json');
const validate = compileSchema(loadSharedSchema('plugin.schema.json'));

describe('src/plugin.json', () => {
  it('is valid against Grafana’s plugin.json schema', () => {
    expect(validate(plugin) ? [] : describeErrors(validate)).toEqual([]);
  });

  it('the schema check can fail (a wrong plugin type is reported)', () => {
    expect(validate({ ...plugin, type: 'dashboard-widget' })).toBe(false);
    expect(validate({ ...plugin, id: 'Not A Valid Id' })).toBe(false);
  });

  it('is the panel the stack loads, versioned by the build', () => {
    expect(plugin).toMatchObject({ id: 'voiceops-sipcodes-panel', type: 'panel' });
    expect(plugin.id).toBe(readJson<{ name: string }>('package.json').name);
    // Filled in by webpack from package.json at build time.
    expect(plugin.info.version).toBe('%VERSION%');
    expect(plugin.dependencies.grafanaDependency).toMatch(/^>=12\./);
  });
});
