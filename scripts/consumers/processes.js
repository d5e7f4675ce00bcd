// Commands run in an app's copy, with their output logged, and stopped if the matrix is.
import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { ROOT } from './paths.js';

/**
 * The environment of the commands run in an app: without what an outer `npm run` put there
 * (its package's bin folder on PATH, its prefix, its package's fields), so that an app only
 * ever uses what it installed itself.
 */
function appEnv() {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (/^npm_(package_|lifecycle_|config_local_prefix$|config_prefix$)/i.test(key) || key === 'INIT_CWD') delete env[key];
  }
  const rootBin = path.join(ROOT, 'node_modules', '.bin');
  env.PATH = (env.PATH ?? '')
    .split(path.delimiter)
    .filter((dir) => path.resolve(dir) !== rootBin && !dir.startsWith(path.join(ROOT, 'node_modules')))
    .join(path.delimiter);
  env.CI ??= 'true'; // no interactive prompts, no progress spinners
  return env;
}

const running = new Set();

/** Runs `command` in a shell; resolves { code, output, ms }; the output also goes to `logFile`. */
export function run(command, { cwd, logFile, timeout, env = appEnv() }) {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(command, { cwd, env, shell: true, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    running.add(child);
    let output = '';
    const append = (chunk) => {
      output += chunk;
    };
    child.stdout.on('data', append);
    child.stderr.on('data', append);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child);
    }, timeout);
    child.on('close', async (code, signal) => {
      clearTimeout(timer);
      running.delete(child);
      const ms = performance.now() - started;
      if (timedOut) output += `\n[test-consumers] timed out after ${Math.round(timeout / 1000)} s\n`;
      if (logFile) await writeFile(logFile, `$ ${command}   (in ${path.relative(ROOT, cwd) || '.'})\n${output}`, { flag: 'a' });
      resolve({ code: timedOut ? 'timeout' : (code ?? signal), output, ms });
    });
  });
}

/** Ends the process group that this script started for one command (its own children only). */
function killGroup(child) {
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    // already gone
  }
}

function tail(text, lines = 30) {
  const all = text.trimEnd().split('\n');
  return all.slice(-lines).join('\n');
}

/** The lines of a build log that say what went wrong, else its end. */
export function errorExcerpt(output) {
  const lines = output.split('\n');
  const index = lines.findIndex((line) => /error|failed|cannot|could not|not found|unexpected/i.test(line) && !/^npm (warn|notice)/i.test(line));
  if (index < 0) return tail(output, 20);
  return lines.slice(Math.max(0, index - 2), index + 18).join('\n').trimEnd();
}

/** Ends every command still running. */
export function stopCommands() {
  for (const child of running) killGroup(child);
}
