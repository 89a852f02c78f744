import { describe, expect, it } from 'vitest';
import { causeFrontmatter, conditionSchema, signatureSchema } from '../../../src/content/schema.ts';

const goodSignature = {
  id: 'fpm-max-children',
  source: 'php-fpm',
  pattern: 'server reached pm\\.max_children setting \\((?<max_children>\\d+)\\)',
  examples: ['[22-Nov-2026 23:58:07] WARNING: [pool www] server reached pm.max_children setting (5), consider raising it'],
};
const goodCondition = {
  id: 'connect-refused-tcp',
  when: { syscall: 'connect', errno: 'ECONNREFUSED', action: 'connecting to upstream' },
  examples: ['2026/11/22 23:58:07 [error] 1#1: *1 connect() failed (111: Connection refused) while connecting to upstream'],
};
const goodCause = {
  title: 'Upstream refused the connection',
  description: 'Nothing listens on the upstream address, so nginx answers 502.',
  kind: 'cause',
  status: [502],
  layer: 'upstream-app',
  stacks: ['generic'],
  fix: 'Start the backend on {upstream} or fix the address.',
  conditions: [goodCondition],
  signatures: [goodSignature],
};

function problems(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return result.success ? [] : result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

describe('the content contract', () => {
  it('accepts a complete cause', () => {
    expect(problems(causeFrontmatter.safeParse(goodCause))).toEqual([]);
  });

  it('rejects a cause without a layer, naming the field', () => {
    const { layer: _drop, ...broken } = goodCause;
    expect(problems(causeFrontmatter.safeParse(broken)).join('\n')).toMatch(/^layer: /m);
  });

  it('rejects an unknown stack, naming the field and its index', () => {
    expect(problems(causeFrontmatter.safeParse({ ...goodCause, stacks: ['generic', 'cobol'] })).join('\n')).toMatch(
      /^stacks\.1: /m,
    );
  });

  it('rejects a signature whose example does not match its pattern, quoting the example', () => {
    const sig = { ...goodSignature, examples: [goodSignature.examples[0], '[22-Nov-2026 23:58:07] NOTICE: ready to handle connections'] };
    const msg = problems(signatureSchema.safeParse(sig)).join('\n');
    expect(msg).toMatch(/^examples\.1: does not match its own pattern/m);
    expect(msg).toContain('ready to handle connections');
  });

  it('rejects a pattern that does not compile, with the RegExp error', () => {
    const msg = problems(signatureSchema.safeParse({ ...goodSignature, pattern: 'server reached (pm' })).join('\n');
    expect(msg).toMatch(/^pattern: does not compile: .*/m);
  });

  it('rejects a signature without examples', () => {
    expect(problems(signatureSchema.safeParse({ ...goodSignature, examples: [] })).join('\n')).toMatch(
      /^examples: needs at least one real example line/m,
    );
  });

  it('rejects unknown signature fields so typos do not pass silently', () => {
    expect(problems(signatureSchema.safeParse({ ...goodSignature, exmples: ['x'] })).join('\n')).toMatch(/exmples/);
  });

  it('rejects an nginx error-log signature: nginx lines are conditions', () => {
    const msg = problems(signatureSchema.safeParse({ ...goodSignature, source: 'nginx-error' })).join('\n');
    expect(msg).toMatch(/^source: nginx error-log lines are declared as `conditions`/m);
  });

  it('accepts a condition whose examples meet it on every platform wording', () => {
    const musl = '2026/11/22 23:58:07 [error] 1#1: *1 connect() failed (111: Connection refused) while connecting to upstream';
    const bsd = 'kevent() reported that connect() failed (61: Connection refused) while connecting to upstream, client: 10.0.0.1, server: a, request: "GET / HTTP/1.1", upstream: "http://127.0.0.1:3000/", host: "a"';
    expect(problems(conditionSchema.safeParse({ ...goodCondition, examples: [musl, bsd] }))).toEqual([]);
  });

  it('rejects a condition whose example does not meet it, naming the example and the field', () => {
    const timeout = '2026/11/22 23:58:07 [error] 1#1: *1 connect() failed (110: Connection timed out) while connecting to upstream';
    const msg = problems(conditionSchema.safeParse({ ...goodCondition, examples: [goodCondition.examples[0], timeout] })).join('\n');
    expect(msg).toMatch(/^examples\.1\.errno: does not meet its own condition: when\.errno is \["ECONNREFUSED"\], the line has "ETIMEDOUT"/m);
  });

  it('rejects an example that is not an nginx line at all', () => {
    const msg = problems(conditionSchema.safeParse({ ...goodCondition, examples: ['hello world'] })).join('\n');
    expect(msg).toMatch(/^examples\.0: is not read as an nginx error-log line/m);
  });

  it('rejects an unknown action or errno, and a regex RE2 cannot run', () => {
    expect(problems(conditionSchema.safeParse({ ...goodCondition, when: { action: 'connecting upstream' } })).join('\n')).toMatch(/^when\.action/m);
    expect(problems(conditionSchema.safeParse({ ...goodCondition, when: { errno: 'ECONNREFUSD' } })).join('\n')).toMatch(/^when\.errno/m);
    expect(problems(conditionSchema.safeParse({ ...goodCondition, when: { message: 'a(?=b)' } })).join('\n')).toMatch(/^when\.message: is not a portable \(RE2-compatible\) regular expression: lookaround/m);
  });
});
