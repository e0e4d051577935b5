import { ERROR_LIMITS, type CpiGapIssue } from '../errors.js';

/**
 * The issues a check finds, kept in the order found up to {@link ERROR_LIMITS}`.keptIssues` and
 * counted beyond, so that a check finding 500,000 problems holds 1,000 of them.
 *
 * @example
 * const list = new IssueList();
 * for (let i = 0; i < 5000; i++) list.push({ path: [i], message: 'bad', code: 'invalid_value' });
 * [list.kept.length, list.count]; // => [1000, 5000]
 */
export class IssueList {
  readonly kept: CpiGapIssue[] = [];
  count = 0;

  /** Count an issue, and keep it while fewer than 1,000 are kept. */
  push(issue: CpiGapIssue): void {
    this.count += 1;
    if (this.kept.length < ERROR_LIMITS.keptIssues) this.kept.push(issue);
  }
}
