/** The document root shared by every PHP scenario: one small script per failure. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FILES: Record<string, string> = {
  'index.php': '<?php echo "ok\\n";\n',
  // Sleeps in short steps (a signal-interrupted sleep() would end early).
  'slow.php': '<?php\n$end = microtime(true) + (float)($_GET["s"] ?? 1);\nwhile (microtime(true) < $end) { usleep(50000); }\necho "slept\\n";\n',
  'kill.php': '<?php\nposix_kill(getmypid(), 9);\necho "unreachable\\n";\n',
  'segv.php': '<?php\nposix_kill(getmypid(), 11);\necho "unreachable\\n";\n',
  'killmid.php': '<?php\necho str_repeat("partial response line\\n", 200);\nflush();\nusleep(200000);\nposix_kill(getmypid(), 9);\n',
  'bighdr.php': '<?php\nheader("X-Debug-Trace: " . str_repeat("a", 16000));\necho "ok\\n";\n',
  'fatal.php': '<?php\nini_set("memory_limit", "16M");\n$a = [];\nwhile (true) {\n    $a[] = str_repeat("x", 2 * 1024 * 1024);\n}\n',
  'cpu.php': '<?php\nset_time_limit(1);\n$i = 0;\nwhile (true) {\n    $i++;\n}\n',
  'notes.txt': 'plain text, not a script\n',
};

export function writeWww(dir: string): string {
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  for (const [name, text] of Object.entries(FILES)) writeFileSync(join(dir, name), text, { mode: 0o644 });
  return dir;
}
