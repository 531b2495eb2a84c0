/** The runner of the current module: the "Run as" choice, else the detected kind's (null before a load). */
import { usesOf } from '../../runners/registry';
import type { Runner, RunnerUses } from '../../runners/types';
import { selectRunner, useModule } from '../../state/moduleStore';

export function useRunner(): Runner | null {
  return useModule(selectRunner);
}

/** What the current runner uses for the current module and function (null before a load). */
export function useRunnerUses(): RunnerUses | null {
  const runner = useRunner();
  const analysis = useModule((s) => s.current?.analysis);
  const func = useModule((s) => s.func);
  return runner ? usesOf(runner, analysis, func) : null;
}
