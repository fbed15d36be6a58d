import { expect } from '@playwright/test';

// Everything that went wrong during one test, whatever the browser: page errors, console errors
// and requests that tried to leave the machine. Checked when the test's fixtures are torn down.

export interface Problem {
  kind: 'pageerror' | 'console' | 'network';
  where: string;
  text: string;
}

export interface ProblemLog {
  list: Problem[];
  /** Tests that provoke an error on purpose name the texts they expect. */
  allow: (pattern: RegExp) => void;
}

export async function withProblemLog(use: (log: ProblemLog) => Promise<void>): Promise<void> {
  const allowed: RegExp[] = [];
  const log: ProblemLog = { list: [], allow: (re) => allowed.push(re) };
  await use(log);
  const unexpected = log.list.filter((p) => !allowed.some((re) => re.test(p.text)));
  expect(unexpected, 'no page errors, console errors or off-machine requests').toEqual([]);
}
