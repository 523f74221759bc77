import fs from 'fs';
import {
  GUIDANCE_SOURCES_COMMAND,
  GUIDANCE_SOURCES_PATH,
  renderGuidanceSources,
} from '../../../scripts/guidance-sources';
import { guidanceSources } from './guidanceSources';
import { X_REASONS } from './xReasons';

describe('docs/guidance-sources.md', () => {
  const generated = renderGuidanceSources();

  it('matches the catalog (regenerate with the command below when this fails)', () => {
    const committed = fs.existsSync(GUIDANCE_SOURCES_PATH) ? fs.readFileSync(GUIDANCE_SOURCES_PATH, 'utf8') : '';
    if (committed !== generated) {
      throw new Error(`docs/guidance-sources.md is stale or missing: run ${GUIDANCE_SOURCES_COMMAND} and commit it`);
    }
  });

  it('lists every sourced cause and check with its references', () => {
    const entries = guidanceSources();
    expect(entries.length).toBeGreaterThan(60);
    for (const entry of entries) {
      expect(generated).toContain(entry.text);
      for (const source of entry.sources) {
        expect(generated).toContain(`\`${source}\``);
      }
    }
  });

  it('lists the X-Reason dictionary, the Q.850 mapping and where the audit was wrong', () => {
    for (const entry of X_REASONS) {
      expect(generated).toContain(`**${entry.value}**`);
    }
    expect(generated).toMatch(
      /- 88 Incompatible destination: RFC 3398 503; FreeSWITCH `INCOMPATIBLE_DESTINATION` 488 — \*\*differs\*\*/
    );
    expect(generated).toMatch(/## Where the audit was wrong\n/);
  });
});
