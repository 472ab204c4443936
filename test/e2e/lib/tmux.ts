// A terminal that a test types into: one command in a detached tmux session on
// a private server, driven with send-keys and read with capture-pane.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export interface TmuxStart {
  /** Folder for the server's socket and configuration. */
  dir: string;
  /** Working folder of the command. */
  cwd: string;
  /** The command and its arguments, run without a shell. */
  command: readonly string[];
  env: NodeJS.ProcessEnv;
  width?: number;
  height?: number;
}

export class TmuxSession {
  private readonly socket: string;
  private readonly config: string;
  private readonly statusFile: string;
  private readonly env: NodeJS.ProcessEnv;
  private readonly target = 'e2e';

  private constructor(dir: string, env: NodeJS.ProcessEnv) {
    this.socket = join(dir, 'tmux.sock');
    this.config = join(dir, 'tmux.conf');
    this.statusFile = join(dir, 'exit-status');
    this.env = env;
  }

  static start(options: TmuxStart): TmuxSession {
    const session = new TmuxSession(options.dir, options.env);
    // The pane stays after its command exits, so that its last screen and exit status can be read.
    writeFileSync(session.config, 'set -g remain-on-exit on\nset -g history-limit 10000\nset -g status off\n');
    session.tmux([
      'new-session',
      '-d',
      '-s',
      session.target,
      '-x',
      String(options.width ?? 300),
      '-y',
      String(options.height ?? 60),
      '-c',
      options.cwd,
      // A shell records the exit status: tmux 3.3a's #{pane_dead_status} was seen
      // to stay empty long after the command had exited, until another child of
      // the server exited.
      'sh',
      '-c',
      '"$@"; echo "$?" > "$0"',
      session.statusFile,
      ...options.command,
    ]);
    return session;
  }

  private tmux(args: readonly string[]): string {
    // -u: UTF-8 whatever the locale; -f: this configuration only.
    const result = spawnSync('tmux', ['-u', '-S', this.socket, '-f', this.config, ...args], {
      encoding: 'utf8',
      env: { TERM: 'xterm-256color', ...this.env },
      timeout: 10_000,
    });
    if (result.status !== 0) {
      throw new Error(`tmux ${args.join(' ')} failed (${result.status ?? result.error}): ${result.stderr}`);
    }
    return result.stdout;
  }

  /** The visible screen, wrapped lines joined, trailing blank lines dropped. */
  screen(): string {
    return this.tmux(['capture-pane', '-p', '-J', '-t', this.target]).replace(/\s+$/, '');
  }

  /** Everything the command printed, scrollback included. */
  history(): string {
    return this.tmux(['capture-pane', '-p', '-J', '-S', '-', '-t', this.target]).replace(/\s+$/, '');
  }

  /** Presses keys by tmux name: Enter, Up, Down, Space, C-u... */
  press(...keys: string[]): void {
    this.tmux(['send-keys', '-t', this.target, ...keys]);
  }

  /** Types text literally. */
  type(text: string): void {
    this.tmux(['send-keys', '-t', this.target, '-l', text]);
  }

  /** Polls the screen until `found` returns something other than undefined. */
  async waitFor<T>(what: string, found: (screen: string) => T | undefined, timeoutMs = 30_000): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.screen();
      const value = found(screen);
      if (value !== undefined) return value;
      if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}. Screen:\n${screen}`);
      await sleep(50);
    }
  }

  /** The exit status of the command once it has exited, else undefined. */
  exitStatus(): number | undefined {
    const recorded = existsSync(this.statusFile) ? readFileSync(this.statusFile, 'utf8') : '';
    return /^\d+\n$/.test(recorded) ? Number(recorded) : undefined;
  }

  async waitForExit(timeoutMs = 60_000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const status = this.exitStatus();
      if (status !== undefined) return status;
      if (Date.now() > deadline) throw new Error(`The command did not exit within ${timeoutMs} ms. Screen:\n${this.screen()}`);
      await sleep(100);
    }
  }

  /** Stops the server and whatever still runs in it. */
  kill(): void {
    spawnSync('tmux', ['-S', this.socket, 'kill-server'], { env: this.env, stdio: 'ignore' });
  }
}
