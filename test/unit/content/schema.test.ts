import { describe, expect, it } from 'vitest';
import { causeFrontmatter, signatureSchema } from '../../../src/content/schema.ts';

const goodSignature = {
  id: 'connect-refused-tcp',
  source: 'nginx-error',
  pattern: 'connect\\(\\) failed \\(111: Connection refused\\)',
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
    const sig = { ...goodSignature, examples: [goodSignature.examples[0], 'upstream timed out (110: Connection timed out)'] };
    const msg = problems(signatureSchema.safeParse(sig)).join('\n');
    expect(msg).toMatch(/^examples\.1: does not match its own pattern/m);
    expect(msg).toContain('upstream timed out');
  });

  it('rejects a pattern that does not compile, with the RegExp error', () => {
    const msg = problems(signatureSchema.safeParse({ ...goodSignature, pattern: 'connect\\(\\) failed (111' })).join('\n');
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
});
