// TEMPORARY manual-check hook: remove before handing back.
import { useRun } from '../../state/runStore';
import { useOutput } from '../../state/outputStore';
Object.assign(window, { __run: useRun, __out: useOutput });
