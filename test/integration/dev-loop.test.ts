// The development loop of generated modules, with real Python (3.9, IRIS's): `make
// replay` against a fake service on 127.0.0.1, `make replay-pipeline` against the
// harness's in-memory IRIS, and `make register` against a fake IRIS REST API on
// 127.0.0.1 written from iris-web 2.4's routes (blueprints/manage/manage_modules_routes.py)
// and answers (app/util.py's response_success / response_error, ac_api_requires).
// The README's transcripts are run as written, and must print what they show.
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { devComposeFile, elision, exampleIrisUrl, exampleModuleId, exampleServiceUrl, imageRecipeFile, imageTag, localSettingsFile, sourceVariable } from '../../generators/lib/dev-loop.js';
import { irisCompose, irisContainers } from '../../generators/lib/iris.js';
import { generateModule } from '../support/generate.js';
import { irisInterfacePath } from '../support/paths.js';
import { python311, python39 } from '../support/python.js';
import { ensurePythonTools } from '../support/python-tools.js';
import { ruffCheck, ruffFormatCheck } from '../support/ruff.js';

interface Ran {
  status: number;
  output: string;
}

/** Runs a command without blocking the event loop: the fake servers of this file answer meanwhile. */
function exec(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, PYTHONDONTWRITEBYTECODE: '1', ...env } });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status: status ?? -1, output }));
  });
}

/**
 * The project's harness, as `python -m iris_harness`: with IRIS's Python, 3.9, unless
 * told (3.9 has no tomllib: the settings go through the harness's own reader; it has no
 * Jinja2 either, which IRIS has: replays that render reports use 3.11, which has it).
 * `withInterface` puts the iris_interface stand-in on the path.
 */
function harness(dir: string, args: string[], env: NodeJS.ProcessEnv = {}, withInterface = true, python = python39()): Promise<Ran> {
  const path = [join(dir, 'tests'), ...(withInterface ? [irisInterfacePath()] : [])].join(delimiter);
  return exec(python, ['-m', 'iris_harness', ...args], dir, { PYTHONPATH: path, ...env });
}

/** `make <args>` in the project, with the iris_interface stand-in (Python as for {@link harness}). */
function make(dir: string, args: string[], env: NodeJS.ProcessEnv = {}, python = python39()): Promise<Ran> {
  return exec('make', ['--no-print-directory', ...args], dir, { PYTHON: python, PYTHONPATH: irisInterfacePath(), ...env });
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(String((server.address() as AddressInfo).port))));
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => resolve(body));
  });
}

/** The README's transcripts: each fenced block whose first line is a `$ ` command, as lines. */
function transcripts(readme: string): string[][] {
  return [...readme.matchAll(/^```\n(\$ [\s\S]*?)\n```$/gm)].map((match) => match[1]!.split('\n'));
}

/** A transcript cut into its commands, each with the lines it shows. */
function commands(transcript: string[]): Array<{ command: string; shown: string[] }> {
  const result: Array<{ command: string; shown: string[] }> = [];
  for (const line of transcript) {
    if (line.startsWith('$ ')) result.push({ command: line.slice(2), shown: [] });
    else result.at(-1)!.shown.push(line);
  }
  return result;
}

/** Whether `actual` is `shown`, where a `…` line stands for any lines. */
function matches(actual: string[], shown: string[]): boolean {
  const segments: string[][] = [[]];
  for (const line of shown) {
    if (line.trim() === elision) segments.push([]);
    else segments.at(-1)!.push(line);
  }
  let at = 0;
  for (const [index, segment] of segments.entries()) {
    const last = index === segments.length - 1;
    let found = -1;
    for (let start = at; start + segment.length <= actual.length; start++) {
      if (index === 0 && start !== 0) break;
      if (segment.every((line, offset) => actual[start + offset] === line) && (!last || start + segment.length === actual.length)) {
        found = start;
        break;
      }
    }
    if (found === -1) return false;
    at = found + segment.length;
  }
  return true;
}

function assertShown(real: string, shown: string[]): void {
  const lines = real === '' ? [] : real.replace(/\n$/, '').split('\n');
  assert.ok(matches(lines, shown), `the README shows:\n${shown.join('\n')}\n\nthe command printed:\n${lines.join('\n')}`);
}

describe('make replay on a generated processor', function () {
  this.timeout(300_000);
  let dir: string;
  let service: Server;
  let serviceUrl: string;
  const seen: Array<{ method: string; url: string; key: string | undefined }> = [];
  const key = 'your-service-key';

  before(async () => {
    ({ dir } = await generateModule({ type: 'processor', moduleName: 'iris-urlscan-module' }));
    service = createServer((request, response) => {
      seen.push({ method: request.method!, url: request.url!, key: request.headers['x-api-key'] as string | undefined });
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end('{"verdict": "malicious"}');
    });
    serviceUrl = `http://127.0.0.1:${await listen(service)}`;
  });

  after(() => service.close());

  const settings = (text: string): void => writeFileSync(join(dir, localSettingsFile), text);

  it("prints what the README's transcript shows: status, request, attribute and tag, never the key", async () => {
    settings(`[parameters]\nurlscan_api_url = "${serviceUrl}"\nurlscan_api_key = "${key}"\n`);
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    const [replay] = commands(transcripts(readme).find((block) => block[0]!.startsWith('$ make replay '))!);
    assert.equal(replay!.command, 'make replay HOOK=on_manual_trigger_ioc IOC=domain:evil.example.com');
    const before = seen.length;
    // Python 3.11, which has Jinja2 (as IRIS has) to render the report.
    const result = await exec('sh', ['-c', replay!.command], dir, { PYTHON: python311(), PYTHONPATH: irisInterfacePath() });
    assert.equal(result.status, 0, result.output);
    assert.ok(!result.output.includes(key), 'the key is not printed');
    // The key went to the service, in the handler's header, once.
    assert.deepEqual(seen.slice(before), [{ method: 'GET', url: '/domain/evil.example.com', key }]);
    assert.match(result.output, /^Status: success: IrisUrlscan: on_manual_trigger_ioc: 1 done, 0 skipped, 0 failed$/m);
    assert.match(result.output, new RegExp(`^ {2}GET ${serviceUrl}/domain/evil\\.example\\.com: HTTP 200$`, 'm'));
    assert.match(result.output, /^ {2}IOC 1 \(evil\.example\.com\): custom attribute "Urlscan report" > "HTML report" \(html\): /m);
    assert.match(result.output, /^ {2}IOC 1 \(evil\.example\.com\): tags added: urlscan:processed/m);
    assert.match(result.output, /^ {2}urlscan_api_key = \*\*\*$/m);
    assertShown(result.output.replaceAll(serviceUrl, exampleServiceUrl).replaceAll(dir, '/path/to/iris-urlscan-module'), replay!.shown);
  });

  it("prints the README's transcript for an automatic hook and URLs too", async () => {
    const { dir: other } = await generateModule({ type: 'processor', moduleName: 'iris-urlhaus-module', options: { hooks: 'ioc:create', iocTypes: 'url,domain' } });
    writeFileSync(join(other, localSettingsFile), `[parameters]\nurlhaus_api_url = "${serviceUrl}"\nurlhaus_api_key = "${key}"\n`);
    const [replay] = commands(transcripts(readFileSync(join(other, 'README.md'), 'utf8')).find((block) => block[0]!.startsWith('$ make replay '))!);
    assert.equal(replay!.command, 'make replay HOOK=on_postload_ioc_create IOC=url:https://evil.example.com/login');
    const result = await exec('sh', ['-c', replay!.command], other, { PYTHON: python311(), PYTHONPATH: irisInterfacePath() });
    assert.equal(result.status, 0, result.output);
    assert.match(result.output, /urlhaus_on_postload_ioc_create_enabled is off by default: on for this replay/);
    assertShown(result.output.replaceAll(serviceUrl, exampleServiceUrl).replaceAll(other, '/path/to/iris-urlhaus-module'), replay!.shown);
  });

  it('lists the IOCs, and a hook off by default is on for the replay', async () => {
    settings(`[parameters]\nurlscan_api_url = "${serviceUrl}"\n`);
    const result = await make(dir, ['replay', 'HOOK=on_postload_ioc_create', 'IOC=domain:a.example ip-dst:203.0.113.7 md5:44d88612fea8a8f36de82e1278abb02f', 'TLP=green'], {}, python311());
    assert.equal(result.status, 0, result.output);
    assert.match(result.output, /urlscan_on_postload_ioc_create_enabled is off by default: on for this replay/);
    assert.match(result.output, /with 3 IOCs:\n {2}IOC \d+ \(a\.example\): domain, TLP:GREEN\n {2}IOC \d+ \(203\.0\.113\.7\): ip-dst, TLP:GREEN\n/);
    assert.match(result.output, /: 3 done, 0 skipped, 0 failed/);
    assert.equal((result.output.match(/^ {2}GET http:\/\/127\.0\.0\.1:\d+\/(domain|ip|hash)\/\S+: HTTP 200$/gm) ?? []).length, 3);
  });

  it('names the valid hooks for an unknown one, with a non-zero exit', async () => {
    const result = await harness(dir, ['replay', '--hook', 'on_postload_asset_create']);
    assert.equal(result.status, 2, result.output);
    assert.match(result.output, /iris_urlscan_module does not follow the hook 'on_postload_asset_create'\. Its hooks: on_postload_ioc_create, on_postload_ioc_update, on_manual_trigger_ioc\./);
    const viaMake = await make(dir, ['replay', 'HOOK=on_manual_trigger_asset']);
    assert.notEqual(viaMake.status, 0, viaMake.output);
    assert.match(viaMake.output, /Its hooks: on_postload_ioc_create/);
  });

  it('names the valid parameters for an unknown one, with a non-zero exit, and never the key', async () => {
    settings(`[parameters]\nurlscan_api_ur = "${serviceUrl}"\nurlscan_api_key = "${key}"\n`);
    const result = await harness(dir, ['replay', '--hook', 'on_manual_trigger_ioc']);
    assert.equal(result.status, 2, result.output);
    assert.match(result.output, /iris_urlscan_module has no parameter urlscan_api_ur\. Its parameters: urlscan_on_postload_ioc_create_enabled, .*urlscan_api_url, urlscan_api_key, /);
    assert.ok(!result.output.includes(key));
    settings('[parameters]\nurlscan_timeout = "5"\n');
    const typed = await harness(dir, ['replay', '--hook', 'on_manual_trigger_ioc']);
    assert.equal(typed.status, 2, typed.output);
    assert.match(typed.output, /urlscan_timeout is a parameter of type int: give it as a whole number, without quotes\./);
  });

  it('refuses an IOC without its IRIS type, and suggests types', async () => {
    rmSync(join(dir, localSettingsFile), { force: true });
    const result = await harness(dir, ['replay', '--hook', 'on_manual_trigger_ioc', '--ioc', 'ip:203.0.113.7']);
    assert.equal(result.status, 2, result.output);
    assert.match(result.output, /'ip' is not one of IRIS's IOC types\. Close ones: ip-any, ip-dst/);
  });

  it('without a settings file, keeps the defaults, says where to put values, and replays sample IOCs', async () => {
    rmSync(join(dir, localSettingsFile), { force: true });
    const result = await harness(dir, ['replay', '--hook', 'on_manual_trigger_ioc']);
    assert.equal(result.status, 0, result.output);
    assert.ok(
      result.output.includes(`Settings: no ${localSettingsFile}: the module's parameters keep their defaults.\n  To set some, write them in ${join(dir, localSettingsFile)} under [parameters]`),
      result.output,
    );
    assert.match(result.output, /No IOC= given: the hook gets the harness's sample data\./);
    assert.match(result.output, /no service URL \(urlscan_api_url\): not looked up\./);
    assert.match(result.output, /^Requests:\n {2}\(none\)\nWritten:\n {2}\(nothing\)$/m);
  });

  it('stays clean under ruff check and ruff format', () => {
    assert.deepEqual(ruffCheck(dir), []);
    assert.equal(ruffFormatCheck(dir), '');
  });
});

describe('the local settings reader of Pythons without tomllib', function () {
  this.timeout(120_000);
  let dir: string;

  before(async () => {
    ({ dir } = await generateModule({ type: 'processor', moduleName: 'iris-urlscan-module' }));
  });

  // The harness's reader, then (when asked) tomllib, on the same file, as JSON.
  const script = [
    'import json, sys',
    'from iris_harness import local_settings',
    'text = open(sys.argv[1], encoding="utf-8").read()',
    'try:',
    '    print(json.dumps(local_settings._Reader(text, "the file").document(), sort_keys=True))',
    'except local_settings.SettingsError as error:',
    '    print("error:", error)',
    'if sys.argv[2:] == ["tomllib"]:',
    '    import tomllib',
    '',
    '    print(json.dumps(tomllib.loads(text), sort_keys=True))',
  ].join('\n');

  function read(document: string, compare = false): string[] {
    const file = join(mkdtempSync(join(tmpdir(), 'iris-toml-')), 'settings.toml');
    writeFileSync(file, document);
    return execFileSync(python311(), ['-c', script, file, ...(compare ? ['tomllib'] : [])], { cwd: dir, env: { ...process.env, PYTHONPATH: join(dir, 'tests') }, encoding: 'utf8' }).trim().split('\n');
  }

  it('reads what tomllib reads, for the part of TOML the file needs', () => {
    const [reader, tomllib] = read(
      [
        '# comment',
        '[parameters]  # after a header',
        'a_url = "https://x.example/api?k=1#frag"   # after a value',
        '"quoted key" = \'literal \\n kept\'',
        'escapes = "tab\\there \\"q\\" \\\\ \\u00e9 \\U0001F600"',
        'count = 42',
        'negative = -1_000',
        'ratio = 3.5e2',
        'half = +0.25',
        'on = true',
        'off = false',
        'multi = """',
        'first line',
        '  second "quoted" line\\',
        '     joined',
        '"""',
        "raw = '''",
        "kept \\n as is ''''",
        'dotted.key = "x"',
        '',
        '[parameters.iris_other_module]',
        'other_api_key = "k"',
        '',
        '[iris]',
        'url = "https://localhost"',
        'verify_tls = false',
        '',
      ].join('\n'),
      true,
    );
    assert.equal(reader, tomllib);
    assert.match(reader!, /"count": 42/);
  });

  it('names the line of what it does not read', () => {
    assert.match(read('[parameters]\nlist = [1, 2]\n')[0]!, /^error: the file is not valid TOML \(line 2\): an array or inline table is not read here: Python before 3\.11 has no tomllib/);
    assert.match(read('[parameters]\nwhen = 2024-05-01\n')[0]!, /\(line 2\): a date or time is not read here/);
    assert.match(read('[parameters]\nname = "open\n')[0]!, /\(line 2\): a string is not closed on its line/);
    assert.match(read('[iris]\nurl = "a"\nurl = "b"\n')[0]!, /\(line 3\): url is set twice/);
  });
});

describe('make replay-pipeline on a generated pipeline', function () {
  this.timeout(300_000);
  let dir: string;

  before(async () => {
    ({ dir } = await generateModule({ type: 'pipeline', moduleName: 'iris-evtx-module', options: { fileTypes: '.evtx' } }));
  });

  it("prints what the README's transcript shows: each file, the evidence and what the case writer added", async () => {
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    const steps = commands(transcripts(readme).find((block) => block.some((line) => line.startsWith('$ make replay-pipeline ')))!);
    assert.deepEqual(
      steps.map((step) => step.command),
      ["printf 'evil.example.com\\n203.0.113.7\\n' > indicators.evtx", 'make replay-pipeline FILES="indicators.evtx" ARGS="tag=dc01"'],
    );
    for (const step of steps) {
      const result = await exec('sh', ['-c', step.command], dir, { PYTHON: python39(), PYTHONPATH: irisInterfacePath() });
      assert.equal(result.status, 0, result.output);
      assertShown(result.output.replaceAll(dir, '/path/to/iris-evtx-module'), step.shown);
    }
  });

  it('shows a refused upload, and still runs the accepted files', async () => {
    writeFileSync(join(dir, 'a.evtx'), '203.0.113.9\n');
    writeFileSync(join(dir, 'b.json'), '{}\n');
    const result = await make(dir, ['replay-pipeline', 'FILES=a.evtx b.json']);
    assert.equal(result.status, 0, result.output);
    assert.match(result.output, /^ {2}b\.json: refused: 'b\.json' was not saved: the Evtx pipeline accepts only \.evtx files\./m);
    assert.match(result.output, /^ {2}a\.evtx: imported$/m);
    assert.match(result.output, /^Evidence registered:\n {2}a\.evtx: 12 bytes, SHA-256 [0-9a-f]{64}, "Imported by the Evtx pipeline"$/m);
    assert.match(result.output, /^ {2}IOC 1: ip-any "203\.0\.113\.9", TLP:AMBER, "a\.evtx, line 1"$/m);
  });

  it('names the pipeline arguments for an unknown one, with a non-zero exit', async () => {
    const result = await harness(dir, ['replay-pipeline', '--file', 'a.evtx', '--arg', 'hostname=dc01']);
    assert.equal(result.status, 2, result.output);
    assert.match(result.output, /The pipeline has no argument 'hostname'; its arguments: tag\./);
  });

  it('sends a processor hook elsewhere', async () => {
    const result = await harness(dir, ['replay', '--hook', 'on_manual_trigger_ioc']);
    assert.equal(result.status, 2, result.output);
    assert.match(result.output, /iris_evtx_module is a pipeline module: it follows no hook\. Replay an upload and a run with {2}make replay-pipeline/);
  });

  it('stays clean under ruff check and ruff format', () => {
    assert.deepEqual(ruffCheck(dir), []);
    assert.equal(ruffFormatCheck(dir), '');
  });
});

/** One request the fake IRIS received. */
interface Received {
  method: string;
  path: string;
  authorization: string | undefined;
  contentType: string | undefined;
  body: unknown;
}

/**
 * IRIS 2.4's module routes, as blueprints/manage/manage_modules_routes.py and
 * app/util.py answer them: JSON {status, message, data}, HTTP 400 for errors, 401
 * without a valid API key (ac_api_requires), and Flask's HTML error page when
 * set-parameter gets a parameter the module does not have (parse_module_parameter
 * returns a tuple too short to unpack).
 */
class FakeIris {
  received: Received[] = [];
  modules: Array<{ id: number; module_name: string; module_human_name: string; module_config: Array<Record<string, unknown>>; is_active: boolean }> = [];
  refuse = false;
  private nextId = exampleModuleId;

  /** Back to an IRIS where no module was added, and nothing was received. */
  reset(): void {
    this.received = [];
    this.modules = [];
    this.refuse = false;
    this.nextId = exampleModuleId;
  }

  constructor(
    readonly apiKey: string,
    /** The key of a user who is not a server administrator. */
    readonly analystKey: string,
    /** What IRIS learns when it imports each package: its human name and parameters. */
    readonly installed: Record<string, { humanName: string; parameters: string[] }>,
  ) {}

  handler = async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const raw = await readBody(request);
    let body: unknown = null;
    try {
      body = raw === '' ? null : JSON.parse(raw);
    } catch {
      body = raw;
    }
    const path = request.url!;
    this.received.push({ method: request.method!, path, authorization: request.headers.authorization, contentType: request.headers['content-type'], body });
    const reply = (status: number, answer: unknown): void => {
      response.writeHead(status, { 'Content-Type': 'application/json' });
      response.end(JSON.stringify(answer));
    };
    const success = (message: string, data: unknown = []): void => reply(200, { status: 'success', message, data });
    const error = (message: string, data: unknown = [], status = 400): void => reply(status, { status: 'error', message, data });
    if (request.headers.authorization === `Bearer ${this.analystKey}`) return error('Permission denied', [], 403);
    if (request.headers.authorization !== `Bearer ${this.apiKey}`) return error('Authentication required', [], 401);
    if (request.method === 'GET' && path === '/manage/modules/list') {
      return success(
        '',
        this.modules.map((module) => ({
          id: module.id,
          module_human_name: module.module_human_name,
          has_pipeline: false,
          module_version: '0.1.0',
          interface_version: '1.2.0',
          date_added: 'Mon, 01 Dec 2025 10:00:00 GMT',
          name: 'administrator',
          is_active: module.is_active,
          module_config: module.module_config,
          configured: true,
        })),
      );
    }
    if (request.method === 'POST' && path === '/manage/modules/add') {
      const name = (body as { module_name?: string } | null)?.module_name;
      if (body === null || typeof body !== 'object') return error('Invalid request');
      const package_ = name ? this.installed[name] : undefined;
      if (package_ === undefined) return error(`Cannot import module. Could not import root module ${name}: No module named '${name}'`);
      if (this.refuse) {
        return error("Cannot import module. Health check didn't pass. Please check logs below", [
          'Testing module',
          `Module name : ${package_.humanName}`,
          'Module interface no compatible with server. Expected 1.1 <= module <= 1.2.0',
        ]);
      }
      if (this.modules.some((module) => module.module_name === name)) return error('Unable to register module: Module already exists in Iris');
      const module = {
        id: this.nextId++,
        module_name: name!,
        module_human_name: package_.humanName,
        module_config: package_.parameters.map((parameter) => ({ param_name: parameter, type: 'string', value: '' })),
        is_active: true,
      };
      this.modules.push(module);
      return success('Module registered', { ...module, module_description: '', pipeline_args: {}, module_type: 'module_processor' });
    }
    const setParameter = /^\/manage\/modules\/set-parameter\/([^/]+)$/.exec(path);
    if (request.method === 'POST' && setParameter) {
      const [id, parameter] = Buffer.from(setParameter[1]!, 'base64').toString('utf8').split('##');
      const module = this.modules.find((item) => String(item.id) === id);
      const entry = module?.module_config.find((item) => item.param_name === parameter);
      if (module === undefined || entry === undefined) {
        response.writeHead(500, { 'Content-Type': 'text/html' });
        response.end('<!doctype html><title>500 Internal Server Error</title><h1>Internal Server Error</h1>');
        return;
      }
      entry.value = (body as { parameter_value?: unknown }).parameter_value;
      return success('Saved', ['Hooks registered']);
    }
    const enable = /^\/manage\/modules\/enable\/(\d+)$/.exec(path);
    if (request.method === 'POST' && enable) {
      const module = this.modules.find((item) => item.id === Number(enable[1]));
      if (module === undefined) return error('Invalid module ID');
      module.is_active = true;
      return success('Module enabled', ['Registered on_postload_ioc_create.']);
    }
    return error('Not found', [], 404);
  };
}

describe('make register against a fake IRIS API on 127.0.0.1', function () {
  this.timeout(300_000);
  const adminKey = 'admin-api-key-0123456789';
  const serviceKey = 'your-service-key';
  let dir: string;
  let iris: FakeIris;
  let server: Server;
  let irisUrl: string;

  before(async () => {
    ({ dir } = await generateModule({ type: 'processor', moduleName: 'iris-urlscan-module' }));
    writeFileSync(join(dir, localSettingsFile), `[parameters]\nurlscan_api_url = "${exampleServiceUrl}"\nurlscan_api_key = "${serviceKey}"\n`);
    iris = new FakeIris(adminKey, 'analyst-api-key', {
      iris_urlscan_module: { humanName: 'IrisUrlscan', parameters: ['urlscan_on_manual_trigger_ioc_enabled', 'urlscan_api_url', 'urlscan_api_key'] },
    });
    server = createServer((request, response) => void iris.handler(request, response));
    irisUrl = `http://127.0.0.1:${await listen(server)}`;
  });

  after(() => server.close());
  beforeEach(() => iris.reset());

  const register = (env: NodeJS.ProcessEnv = {}): Promise<Ran> => harness(dir, ['register'], { IRIS_URL: irisUrl, IRIS_API_KEY: adminKey, ...env }, false);
  const parameterPath = (id: number, name: string): string => `/manage/modules/set-parameter/${Buffer.from(`${id}##${name}`).toString('base64')}`;

  it("adds, configures and enables the module with IRIS's routes, in order, then finds it the second time (standard library only)", async () => {
    // Run without the iris_interface stand-in on the path: register needs nothing but Python.
    const readme = readFileSync(join(dir, 'README.md'), 'utf8');
    const [first, second] = commands(transcripts(readme).find((block) => block[0] === '$ make register')!);
    const bearer = `Bearer ${adminKey}`;
    const json = 'application/json';
    const id = exampleModuleId;

    const added = await register();
    assert.equal(added.status, 0, added.output);
    assert.deepEqual(iris.received, [
      { method: 'GET', path: '/manage/modules/list', authorization: bearer, contentType: undefined, body: null },
      { method: 'POST', path: '/manage/modules/add', authorization: bearer, contentType: json, body: { module_name: 'iris_urlscan_module' } },
      { method: 'POST', path: parameterPath(id, 'urlscan_api_url'), authorization: bearer, contentType: json, body: { parameter_value: exampleServiceUrl } },
      { method: 'POST', path: parameterPath(id, 'urlscan_api_key'), authorization: bearer, contentType: json, body: { parameter_value: serviceKey } },
      { method: 'POST', path: `/manage/modules/enable/${id}`, authorization: bearer, contentType: undefined, body: null },
    ]);
    assert.equal(iris.modules.length, 1);
    assert.equal(iris.modules[0]!.module_config.find((entry) => entry.param_name === 'urlscan_api_key')!.value, serviceKey);
    for (const secret of [adminKey, serviceKey]) assert.ok(!added.output.includes(secret), 'no key in the output');
    assertShown(added.output.replaceAll(irisUrl, exampleIrisUrl), first!.shown);

    iris.received = [];
    const again = await register();
    assert.equal(again.status, 0, again.output);
    assert.deepEqual(
      iris.received.map((request) => `${request.method} ${request.path}`),
      ['GET /manage/modules/list', `POST ${parameterPath(id, 'urlscan_api_url')}`, `POST ${parameterPath(id, 'urlscan_api_key')}`, `POST /manage/modules/enable/${id}`],
    );
    assert.equal(iris.modules.length, 1, 'not added twice');
    assertShown(again.output.replaceAll(irisUrl, exampleIrisUrl), second!.shown);
  });

  it("stops at a 401 or a 403 with the step, the status and IRIS's message, exit 1, and no key", async () => {
    iris.received = [];
    const result = await register({ IRIS_API_KEY: 'not-the-admin-key' });
    assert.equal(result.status, 1, result.output);
    assert.match(result.output, /^Failed: list the modules \(GET \/manage\/modules\/list\): HTTP 401: Authentication required\. IRIS did not accept the API key/m);
    assert.equal(iris.received.length, 1);
    assert.ok(!result.output.includes('not-the-admin-key'));
    const analyst = await register({ IRIS_API_KEY: 'analyst-api-key' });
    assert.equal(analyst.status, 1, analyst.output);
    assert.match(analyst.output, /^Failed: list the modules \(GET \/manage\/modules\/list\): HTTP 403: Permission denied\. The key's user is not a server administrator/m);
  });

  it("prints IRIS's health-check logs when IRIS refuses the module, exit 1", async () => {
    iris.modules = [];
    iris.refuse = true;
    try {
      const result = await register();
      assert.equal(result.status, 1, result.output);
      assert.match(
        result.output,
        /^Failed: add the module \(POST \/manage\/modules\/add, module_name iris_urlscan_module\): HTTP 400: Cannot import module\. Health check didn't pass\. Please check logs below\nIRIS's logs:\n {2}Testing module\n {2}Module name : IrisUrlscan\n {2}Module interface no compatible with server\. Expected 1\.1 <= module <= 1\.2\.0$/m,
      );
    } finally {
      iris.refuse = false;
    }
  });

  it("says to install the module first when IRIS's app cannot import it", async () => {
    iris.modules = [];
    const installed = iris.installed.iris_urlscan_module!;
    delete iris.installed.iris_urlscan_module;
    try {
      const result = await register();
      assert.equal(result.status, 1, result.output);
      assert.match(result.output, /HTTP 400: Cannot import module\. Could not import root module iris_urlscan_module: .* install it there first \(make deploy, or make dev\)\./);
    } finally {
      iris.installed.iris_urlscan_module = installed;
    }
  });

  it('refuses a parameter IRIS does not store for the module, before sending it', async () => {
    iris.modules = [];
    iris.installed.iris_urlscan_module!.parameters = ['urlscan_api_url'];
    try {
      iris.received = [];
      const result = await register();
      assert.equal(result.status, 1, result.output);
      assert.match(result.output, /IRIS stores no parameter urlscan_api_key for module #\d+: the module was added to IRIS with an earlier version/);
      // Checked before any parameter is sent: nothing set, nothing enabled.
      assert.deepEqual(
        iris.received.map((request) => `${request.method} ${request.path}`),
        ['GET /manage/modules/list', 'POST /manage/modules/add'],
      );
    } finally {
      iris.installed.iris_urlscan_module!.parameters = ['urlscan_on_manual_trigger_ioc_enabled', 'urlscan_api_url', 'urlscan_api_key'];
    }
  });

  it('names an unreachable IRIS', async () => {
    const closed = createServer();
    const port = await listen(closed);
    closed.close();
    const result = await register({ IRIS_URL: `http://127.0.0.1:${port}` });
    assert.equal(result.status, 1, result.output);
    assert.match(result.output, new RegExp(`^Failed: list the modules \\(GET /manage/modules/list\\): IRIS at http://127\\.0\\.0\\.1:${port} is unreachable \\(no HTTP answer\\)`, 'm'));
  });

  it('says which settings are missing, exit 2', async () => {
    const result = await harness(dir, ['register'], { IRIS_URL: '', IRIS_API_KEY: '' }, false);
    assert.equal(result.status, 2, result.output);
    assert.match(result.output, /IRIS's url \(\[iris\] url in iris-module\.local\.toml, or IRIS_URL\) and api_key \(\[iris\] api_key in iris-module\.local\.toml, or IRIS_API_KEY\) are not set/);
  });

  it('verifies TLS by default, and IRIS_VERIFY_TLS=false turns it off with a warning on every run', async function () {
    const folder = mkdtempSync(join(tmpdir(), 'iris-tls-'));
    try {
      execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1', '-keyout', join(folder, 'key.pem'), '-out', join(folder, 'cert.pem')], { stdio: 'pipe' });
    } catch {
      this.skip();
    }
    iris.reset();
    const tls = createTlsServer({ key: readFileSync(join(folder, 'key.pem')), cert: readFileSync(join(folder, 'cert.pem')) }, (request, response) => void iris.handler(request, response));
    const url = `https://127.0.0.1:${await listen(tls as unknown as Server)}`;
    try {
      iris.received = [];
      const verified = await register({ IRIS_URL: url });
      assert.equal(verified.status, 1, verified.output);
      assert.match(verified.output, new RegExp(`the TLS connection to ${url.replace(/\./g, '\\.')} failed: .*CERTIFICATE_VERIFY_FAILED.*IRIS_VERIFY_TLS=false`));
      assert.deepEqual(iris.received, [], 'nothing sent over an unverified connection');
      assert.doesNotMatch(verified.output, /WARNING/);
      for (let run = 0; run < 2; run++) {
        const unverified = await register({ IRIS_URL: url, IRIS_VERIFY_TLS: 'false' });
        assert.equal(unverified.status, 0, unverified.output);
        assert.match(unverified.output, /^WARNING: TLS verification is off \(set by IRIS_VERIFY_TLS\)/);
      }
    } finally {
      tls.close();
    }
  });
});

describe('make dev, dev-reload and image, with a stand-in docker that records its calls', function () {
  this.timeout(300_000);
  let dir: string;
  let bin: string;
  let irisDir: string;
  let calls: string;

  before(async () => {
    ({ dir } = await generateModule({ type: 'processor', moduleName: 'iris-urlscan-module' }));
    const scratch = mkdtempSync(join(tmpdir(), 'iris-docker-'));
    bin = join(scratch, 'bin');
    calls = join(scratch, 'calls.txt');
    irisDir = join(scratch, 'iris-web');
    mkdirSync(bin);
    mkdirSync(irisDir);
    writeFileSync(join(irisDir, irisCompose.composeFile), 'services: {}\n');
    writeFileSync(join(irisDir, irisCompose.envFile), 'APP_IMAGE_TAG=v2.4.20\n');
    // No Docker engine here: this docker records its arguments (and the project folder's
    // variable), and answers `compose config --format json` as Compose would for IRIS.
    const variable = sourceVariable('iris-urlscan-module');
    writeFileSync(
      join(bin, 'docker'),
      [
        '#!/bin/sh',
        `printf '%s|%s\\n' "$${variable}" "$*" >> '${calls}'`,
        'case "$*" in *"config --format json"*) echo \'{"services": {"app": {"image": "dfir-iris/iriswebapp_app:v2.4.20"}}}\' ;; esac',
        '',
      ].join('\n'),
    );
    chmodSync(join(bin, 'docker'), 0o755);
  });

  const run = (target: string[], env: NodeJS.ProcessEnv = {}): Promise<Ran> =>
    exec('make', ['--no-print-directory', ...target], dir, { PATH: `${bin}${delimiter}${process.env.PATH}`, ...env });
  const recorded = (): string[] => readFileSync(calls, 'utf8').trim().split('\n');

  it("make dev runs IRIS's compose file with the override, the project's folder in its variable", async () => {
    rmSync(calls, { force: true });
    const result = await run(['dev', `IRIS_DIR=${irisDir}`]);
    assert.equal(result.status, 0, result.output);
    assert.deepEqual(recorded(), [`${dir}|compose -f ${join(irisDir, irisCompose.composeFile)} -f ${devComposeFile} up -d`]);
  });

  it('make dev says what is missing: IRIS_DIR, its compose file, its .env', async () => {
    assert.match((await run(['dev'])).output, /Set IRIS_DIR to a checkout of iris-web v2\.4\.20: make dev IRIS_DIR=\.\.\/iris-web/);
    assert.match((await run(['dev', `IRIS_DIR=${dir}`])).output, /has no docker-compose\.yml: IRIS_DIR is a checkout of iris-web/);
    rmSync(join(irisDir, irisCompose.envFile));
    try {
      const result = await run(['dev', `IRIS_DIR=${irisDir}`]);
      assert.notEqual(result.status, 0);
      assert.match(result.output, /has no \.env: copy its \.env\.model to \.env and change the passwords and secrets in it/);
    } finally {
      writeFileSync(join(irisDir, irisCompose.envFile), 'APP_IMAGE_TAG=v2.4.20\n');
    }
  });

  it("make dev-reload restarts IRIS's app and worker", async () => {
    rmSync(calls, { force: true });
    const result = await run(['dev-reload']);
    assert.equal(result.status, 0, result.output);
    assert.deepEqual(recorded(), [`|restart ${irisContainers.app} ${irisContainers.worker}`]);
  });

  it("make image builds Dockerfile.iris on the image IRIS's files name, with the fresh wheel as its only context", async () => {
    rmSync(calls, { force: true });
    // Offline: setuptools >= 77 from the test tools' environment, no build isolation.
    const result = await run(['image', `IRIS_DIR=${irisDir}`, `PYTHON=${ensurePythonTools().python}`], {
      PIP_NO_BUILD_ISOLATION: '0',
      PIP_NO_INDEX: '1',
      PIP_DISABLE_PIP_VERSION_CHECK: '1',
    });
    assert.equal(result.status, 0, result.output);
    const tag = `iriswebapp_app:${imageTag('iris-urlscan-module')}`;
    assert.deepEqual(recorded(), [
      `|compose -f ${join(irisDir, irisCompose.composeFile)} config --format json`,
      `|build --file ${imageRecipeFile} --build-arg IRIS_IMAGE=dfir-iris/iriswebapp_app:v2.4.20 --tag ${tag} build/iris-image`,
    ]);
    assert.deepEqual(readdirSync(join(dir, 'build', 'iris-image')), ['iris_urlscan_module-0.1.0-py3-none-any.whl']);
    assert.match(result.output, new RegExp(`set ${irisCompose.imageVariables.name}=iriswebapp_app and ${irisCompose.imageVariables.tag}=${imageTag('iris-urlscan-module')}`));
  });
});
