import { analyze } from '../../server/src/language/analyze';
const text = `sla T { version "1" provider "p" customer "c" reporting monthly review yearly
  indicator probe { kind availability metric "probe_success" }
  objective uptime { indicator probe target >= 99.9% window calendar month }
  compensation for uptime {
    below 99.9% credit 10%
    below 99% credit 10%
  }
  credits { cap 5% claim within 30d }
}`;
const a = analyze(text);
console.log(a.diagnostics);
console.log(JSON.stringify(a.parse.file.slas[0].items[2]).slice(0, 800));
