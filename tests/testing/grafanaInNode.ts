/**
 * @grafana/data touches `window`, `document` and `localStorage` when it loads. Give it a jsdom window first,
 * then register the standard transformers (the registry is empty outside Grafana).
 */
import { JSDOM } from 'jsdom';

const dom = new JSDOM('<!doctype html><html><body></body></html>', { url: 'http://localhost/' });
const globals = globalThis as unknown as Record<string, unknown>;
for (const key of ['window', 'document', 'navigator', 'localStorage', 'HTMLElement', 'Node']) {
  if (globals[key] === undefined) {
    globals[key] = (dom.window as unknown as Record<string, unknown>)[key];
  }
}

export const grafanaData: typeof import('@grafana/data') = require('@grafana/data');

const seen = new Set<string>();
const transformers = grafanaData.standardTransformers as unknown as Record<string, { id: string }>;
const unique = Object.values(transformers).filter((item) => !seen.has(item.id) && seen.add(item.id));
grafanaData.standardTransformersRegistry.setInit(
  () =>
    unique.map((editor) => ({ id: editor.id, name: editor.id, editor: () => null, transformation: editor })) as never
);
