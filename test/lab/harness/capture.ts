/** Turns raw log text into the record's lines: noise out, order kept, work paths replaced. */

export const RECORD_ROOT = '/srv/lab';

const NOISE = [
  /closed keepalive connection/,
  /client \d+ closed keepalive connection/,
  /epoll_wait\(\) failed \(4: Interrupted system call\)/,
];

export function lines(text: string, workDir: string): string[] {
  return text
    .split('\n')
    .map((l) => l.replace(/\r$/, ''))
    .filter((l) => l.trim() !== '' && !NOISE.some((re) => re.test(l)))
    .map((l) => l.split(workDir).join(RECORD_ROOT));
}

/** $status of each access-log line (the field after the quoted request). */
export function accessStatuses(access: string[]): number[] {
  const out: number[] = [];
  for (const l of access) {
    const m = /\] "[^"]*" (\d{3}) /.exec(l);
    if (m) out.push(Number(m[1]));
  }
  return out;
}
