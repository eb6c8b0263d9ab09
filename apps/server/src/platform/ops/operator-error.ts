/**
 * A condition the operator must fix (a directory PostgreSQL cannot enter, a non-empty restore
 * target …). Its message is one sentence saying what to do; start-up and the CLI print it
 * without a stack trace.
 */
export class OperatorError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'OperatorError';
  }
}
