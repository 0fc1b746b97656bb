import type { ManualAnswer } from '../../common/domain/report.js';
import type { AnswerRequest, FixOutcome, FixPlanView, FixRequest } from '../../common/ipc/contract.js';
import type { Handlers } from './dispatch.js';

export interface FixServices {
  /** The exact command lines a fix would run on this phone, from the phone's last audit. */
  planFix(request: FixRequest): Promise<FixPlanView>;
  /** Runs the fix, re-checks only the probes its finding needs, and records it in the phone's report. */
  applyFix(request: FixRequest): Promise<FixOutcome>;
  /** Records the engineer's answer to a manual step; answers all the answers for that phone. */
  setAnswer(request: AnswerRequest): Promise<ManualAnswer[]>;
}

export function fixHandlers(services: FixServices): Handlers {
  return {
    'fix:plan': (request) => services.planFix(request),
    'fix:apply': (request) => services.applyFix(request),
    'answer:set': (request) => services.setAnswer(request),
  };
}
