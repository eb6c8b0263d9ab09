import { describe, expect, it } from 'vitest';
import { AppError } from '../errors.js';
import { databaseUnavailable, isDatabaseUnavailable } from './unavailable.js';

const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });

describe('isDatabaseUnavailable', () => {
  it.each([
    ['a refused connection', withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['a reset connection', withCode('ECONNRESET')],
    ['a broken pipe', withCode('EPIPE')],
    ['pg: terminated', new Error('Connection terminated unexpectedly')],
    ['pg-pool: connect timeout', new Error('timeout exceeded when trying to connect')],
    ['pg: broken client', new Error('Client has encountered a connection error and is not queryable')],
    ['57P01 admin_shutdown', withCode('57P01', 'terminating connection due to administrator command')],
    ['57P02 crash_shutdown', withCode('57P02')],
    ['57P03 cannot_connect_now', withCode('57P03', 'the database system is starting up')],
    ['class 08', withCode('08006')],
    ['08P01', withCode('08P01')],
    ['refused on ::1 and 127.0.0.1', Object.assign(new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')]), { code: 'ECONNREFUSED' })],
    ['an AggregateError without a code', new AggregateError([withCode('ECONNREFUSED')])],
    ['wrapped as a cause', new Error('migration failed', { cause: withCode('ECONNRESET') })],
    ['already translated', databaseUnavailable()],
  ])('%s is the database being unavailable', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', withCode('23505', 'duplicate key value violates unique constraint')],
    ['a syntax error', withCode('42601')],
    ['a serialization failure', withCode('40001')],
    ['a statement timeout (57014 is not 57P0x)', withCode('57014')],
    ['an application error', new AppError('NOT_FOUND')],
    ['a plain error', new Error('boom')],
    ['not an error', 'ECONNREFUSED'],
    ['nothing', undefined],
  ])('%s is not', (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it('answers 503 without naming an address', () => {
    const error = databaseUnavailable();
    expect(error.code).toBe('DATABASE_UNAVAILABLE');
    expect(JSON.stringify(error)).not.toMatch(/127\.0\.0\.1|ECONN/);
  });
});
