/**
 * The message part of an example log line — what a reader greps for — without
 * the timestamp, level, pid and the trailing client/server/request context.
 */
export function signatureMessage(example: string): string {
  return example
    .replace(/^\d{4}\/\d{2}\/\d{2} \d{2}:\d{2}:\d{2} \[\w+\] \d+#\d+: (\*\d+ )?/, '')
    .replace(/^\[\d{2}-\w{3}-\d{4} \d{2}:\d{2}:\d{2}(\.\d+)?\] /, '')
    .replace(/, (client|server): .*$/, '')
    .replace(/ in \/\S+:\d+$/, '')
    .trim();
}
