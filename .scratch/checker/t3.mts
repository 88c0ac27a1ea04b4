import { analyze } from '../../server/src/language/analyze';
import { contract } from '../../test/language/checker/helpers';
const BASE = `
  indicator probe { kind availability metric "probe_success" }
  indicator latency { kind latency metric "duration_ms" }
  objective uptime { indicator probe target >= 99.9% window calendar month }
  objective speed { indicator latency target p95 <= 500ms window calendar month }`;
const text = contract(`${BASE}
  compensation for uptime {
    below 99.9% credit 10%
    below 99% credit 10%
  }
  compensation for speed { above 500ms credit 5% }
  credits { claim within 30d }`);
const a = analyze(text);
console.log(text, a.diagnostics);
