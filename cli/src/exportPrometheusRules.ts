// `sla export prometheus-rules CONTRACT [--sla NAME] [-o FILE]`: a thin shell over
// server/src/export (the rules) — reads the contract, refuses one with errors, prints the
// objectives that cannot be exported as warnings, writes the YAML.
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { Output } from './check';
import { reason } from './inputs';
import { analyze } from '../../server/src/language/analyze';
import { readRegularFileSync } from '../../server/src/files/regularFile';
import { prometheusRules } from '../../server/src/export/prometheusRules';
import { rulesYaml } from '../../server/src/export/rulesYaml';
import { messages } from '../../server/src/l10n/index';
import { terminalLine } from '../../server/src/text/terminal';

export interface PrometheusRulesOptions {
  sla?: string;
  output?: string;
}

const PREFIX = 'sla export prometheus-rules';

/** Runs the export and returns its exit code: 0 written, 1 errors in the contract or nothing exportable, 2 bad arguments or files. */
export function runPrometheusRulesExport(file: string, options: PrometheusRulesOptions, io: Output, now = Date.now()): number {
  const { t } = messages(io.locale);
  const fail = (message: string, code: number) => {
    io.err(`${PREFIX}: ${terminalLine(message)}\n`);
    return code;
  };
  let text: string;
  try {
    text = readRegularFileSync(file).replace(/^\uFEFF/, '');
  } catch (error) {
    return fail(t('cli.cannotRead', { file, reason: reason(error, io.locale) }), 2);
  }
  const analysis = analyze(text, { locale: io.locale });
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error').length;
  if (errors > 0) return fail(t('export.cli.hasErrors', { file, count: errors }), 1);
  let slas = analysis.linked;
  if (options.sla !== undefined) {
    slas = slas.filter((facts) => facts.sla.name?.text === options.sla);
    if (slas.length === 0) {
      const names = analysis.linked.map((facts) => facts.sla.name?.text ?? '').join(', ');
      return fail(t('export.cli.noSuchSla', { name: options.sla, file, names }), 2);
    }
  }
  const rules = prometheusRules(slas, io.locale ?? 'en', now);
  for (const skipped of rules.notExported) {
    io.err(`${PREFIX}: ${terminalLine(t('cli.evaluate.warning', { message: t('export.rules.notExported', skipped) }))}\n`);
  }
  if (rules.groups.length === 0) return fail(t('export.cli.nothingExported', { file }), 1);
  const yaml = rulesYaml(rules);
  if (options.output === undefined) {
    io.out(yaml);
    return 0;
  }
  try {
    writeFileSync(options.output, yaml);
  } catch (error) {
    return fail(t('cli.cannotWrite', { file: options.output, reason: reason(error, io.locale) }), 2);
  }
  return 0;
}

export function registerPrometheusRulesExport(exportCommand: Command, io: Output, setExit: (code: number) => void): void {
  const { t } = messages(io.locale);
  exportCommand
    .command('prometheus-rules')
    .description(t('export.cli.rules.description'))
    .argument('<contract>', t('export.cli.argument.contract'))
    .option('--sla <name>', t('export.cli.option.sla'))
    .option('-o, --output <file>', t('export.cli.option.output'))
    .action((contract: string, options: PrometheusRulesOptions) => setExit(runPrometheusRulesExport(contract, options, io)));
}
