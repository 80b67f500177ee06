import { CodeAnalyzer, CodeAnalyzerConfig, LogLevel } from '@salesforce/code-analyzer-core';
import * as eslintEngine from '@salesforce/code-analyzer-eslint-engine';
import * as pmdEngine from '@salesforce/code-analyzer-pmd-engine';
import * as sfgeEngine from '@salesforce/code-analyzer-sfge-engine';
import { mkdtempSync } from 'node:fs';
(async () => {
  const wf = mkdtempSync('/tmp/ca-');
  const config = CodeAnalyzerConfig.fromObject({ config_root: process.cwd(), log_folder: wf, root_working_folder: wf, log_level: LogLevel.Warn, engines: { eslint: { auto_discover_eslint_config: false }, cpd: { disable_engine: true } } }, process.cwd());
  const a = new CodeAnalyzer(config);
  await a.addEnginePlugin(pmdEngine.createEnginePlugin());
  await a.addEnginePlugin(eslintEngine.createEnginePlugin());
  await a.addEnginePlugin(sfgeEngine.createEnginePlugin());
  const ws = await a.createWorkspace(['force-app']);
  for (const sel of ['sfge', 'pmd:AppExchange', 'pmd:Security', 'eslint:AppExchange', 'eslint:Security', 'sfge:AppExchange', 'sfge:Security', 'regex']) {
    const s = await a.selectRules([sel], { workspace: ws });
    console.log(sel, s.getCount(), s.getEngineNames(), s.getCount() < 60 ? s.getRulesFor(s.getEngineNames()[0] ?? '').map(r => `${r.getName()}(${r.getSeverityLevel()};${r.getTags().join('/')})`).join(' ') : '');
  }
})().catch(e => { console.error(e); process.exit(1); });
