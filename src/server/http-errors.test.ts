import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createError } from '../errors.ts';
import { statusOf, toHttpError } from './http-errors.ts';

test('maps error codes to the HTTP statuses a client expects', () => {
  assert.equal(statusOf('UNAUTHORIZED'), 401);
  assert.equal(statusOf('NOT_FOUND'), 404);
  assert.equal(statusOf('BODY_TOO_LARGE'), 413);
  assert.equal(statusOf('INPUT_JSON_INVALID'), 400);
  assert.equal(statusOf('INPUT_EMPTY'), 422);
  assert.equal(statusOf('USAGE'), 400);
});

test('an unexpected error becomes INTERNAL without its message or stack', () => {
  const { status, body } = toHttpError(new TypeError('secret path /etc/passwd at line 3'));
  assert.equal(status, 500);
  assert.equal(body.error.code, 'INTERNAL');
  assert.doesNotMatch(JSON.stringify(body), /passwd|TypeError|at line/);
  assert.deepEqual(toHttpError(createError('NOT_FOUND', 'story x')).body, { error: { code: 'NOT_FOUND', message: 'story x: not found' } });
});
