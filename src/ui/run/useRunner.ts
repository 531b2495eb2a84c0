/** The runner of the current module: the "Run as" choice, else the detected kind's (null before a load). */
import type { Runner } from '../../runners/types';
import { selectRunner, useModule } from '../../state/moduleStore';

export function useRunner(): Runner | null {
  return useModule(selectRunner);
}
