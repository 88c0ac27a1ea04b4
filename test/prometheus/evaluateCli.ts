// `sla evaluate` run in-process as the CLI runs it (JSON unless the options say otherwise),
// its exit status and both outputs captured.
import { runEvaluate, type EvaluateCommandOptions } from '../../cli/src/evaluate';

export async function evaluateCaptured(contractFile: string, options: EvaluateCommandOptions, env: Record<string, string | undefined> = {}) {
  let stdout = '';
  let stderr = '';
  const io = { out: (t: string) => (stdout += t), err: (t: string) => (stderr += t) };
  const status = await runEvaluate(contractFile, { format: 'json', ...options }, io, { progress: false, env });
  return { status, stdout, stderr };
}
